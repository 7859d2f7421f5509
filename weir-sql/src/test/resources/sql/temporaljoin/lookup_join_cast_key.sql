-- The probe side's key CAST to the lookup table's key type: the lookup runs with the cast value.
CREATE TABLE orders (id INT, cid BIGINT, pt AS PROCTIME()) WITH ('connector' = 'values', 'data' = '+I[10, 1]; +I[11, 5]');
CREATE TABLE customers (cid INT, name STRING) WITH ('connector' = 'values', 'data' = '+I[1, ann]; +I[2, bob]');
SELECT o.id, c.name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON CAST(o.cid AS INT) = c.cid
---- rows
+I[10, ann]
+I[11, NULL]
