-- DROP DATABASE ... CASCADE drops the database with its tables; RESTRICT (the default) would refuse.
CREATE DATABASE db;
CREATE TABLE db.t (id INT) WITH ('connector' = 'blackhole');
CREATE DATABASE db3;
DROP DATABASE db CASCADE;
DROP DATABASE IF EXISTS nope;
DROP DATABASE db3 RESTRICT;
SHOW DATABASES
---- rows
+I[default_database]
