-- A lookup join looks rows up by key, so its condition needs an equality on the table's columns.
CREATE TABLE orders (id INT, cid INT, pt AS PROCTIME()) WITH ('connector' = 'values', 'data' = '');
CREATE TABLE customers (cid INT, name STRING) WITH ('connector' = 'values', 'data' = '');
SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid > c.cid
---- error
at line 4, column 43:
Temporal table join requires an equality condition on fields of table [default_catalog.default_database.customers]
SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid > c.cid
                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
