-- A lookup join passes the probe row's values to the table as they are: an equality between columns
-- of different types (which Calcite compares by casting the table's column) looks nothing up, and the
-- message says to CAST the probe side instead.
CREATE TABLE orders (id INT, cid BIGINT, pt AS PROCTIME()) WITH ('connector' = 'values', 'data' = '');
CREATE TABLE customers (cid INT, name STRING) WITH ('connector' = 'values', 'data' = '');
SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.cid
---- error
(where the two columns' types differ, CAST the probe side's column to the table column's type)
