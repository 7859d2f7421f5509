-- A correlated scalar sub-query without an aggregate gives its one row's value per key (SINGLE_VALUE
-- grouped by the correlated column); a key without rows gives NULL.
CREATE TEMPORARY VIEW orders (id, cust) AS VALUES (1, 'ann'), (2, 'bob'), (3, 'cid');
CREATE TEMPORARY VIEW customers (name, city) AS VALUES ('ann', 'Oslo'), ('bob', 'Rome');
SELECT id, (SELECT city FROM customers c WHERE c.name = o.cust) FROM orders o
---- final
+I[1, Oslo]
+I[2, Rome]
+I[3, NULL]
