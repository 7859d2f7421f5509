-- A correlated scalar sub-query that returns two rows for a key fails the job, as in Flink.
CREATE TEMPORARY VIEW orders (id, cust) AS VALUES (1, 'ann');
CREATE TEMPORARY VIEW customers (name, city) AS VALUES ('ann', 'Oslo'), ('ann', 'Rome');
SELECT id, (SELECT city FROM customers c WHERE c.name = o.cust) FROM orders o
---- error
A scalar sub-query returned more than one row
