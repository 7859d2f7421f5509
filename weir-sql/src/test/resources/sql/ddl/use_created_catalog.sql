-- USE CATALOG makes the new catalog current with its default database ('default-database', or
-- 'default' as in Flink); SHOW DATABASES lists the catalog's databases.
CREATE CATALOG c WITH ('type' = 'generic_in_memory');
CREATE DATABASE c.db2;
USE CATALOG c;
SHOW DATABASES
---- rows
+I[db2]
+I[default]
