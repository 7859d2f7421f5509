-- DROP DATABASE (RESTRICT by default) refuses a database holding tables.
CREATE DATABASE db;
CREATE TABLE db.t (id INT) WITH ('connector' = 'blackhole');
DROP DATABASE db
---- error
Database default_catalog.db is not empty: it holds [t]; drop them first, or use DROP DATABASE ... CASCADE
