-- CREATE CATALOG makes a catalog by its 'type' (a CatalogFactory found through ServiceLoader);
-- CREATE DATABASE adds a database to it, and a table there is read by its full name.
CREATE CATALOG c COMMENT 'mine' WITH ('type' = 'generic_in_memory', 'default-database' = 'main');
CREATE DATABASE c.db COMMENT 'sales' WITH ('owner' = 'ann');
CREATE DATABASE IF NOT EXISTS c.db;
CREATE TABLE c.db.orders (id INT, amount INT) WITH (
  'connector' = 'values',
  'data' = '+I[1, 10]; +I[2, 20]; +I[3, 30]'
);
SELECT id, amount * 2 AS doubled FROM c.db.orders WHERE id > 1
---- rows
+I[2, 40]
+I[3, 60]
