-- A lookup join: FOR SYSTEM_TIME AS OF the probe table's PROCTIME() column against a table whose
-- connector looks rows up by key. Each order finds its customer's current row (the test connector's
-- table is its data with the changes applied: ann renamed, dan deleted); the rest of the condition
-- filters the rows found.
CREATE TABLE orders (id INT, cid INT, pt AS PROCTIME()) WITH (
  'connector' = 'values',
  'data' = '+I[10, 1]; +I[11, 2]; +I[12, 4]; +I[13, NULL]; +I[14, 1]; +I[15, 3]'
);
CREATE TABLE customers (cid INT, name STRING, tier INT, PRIMARY KEY (cid) NOT ENFORCED) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UA,D',
  'data' = '+I[1, ann, 1]; +I[2, bob, 2]; +I[3, cy, 1]; +I[4, dan, 1]; +U[1, anna, 1]; -D[4, dan, 1]'
);
SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c
ON o.cid = c.cid AND c.tier = 1
---- rows
+I[10, anna]
+I[14, anna]
+I[15, cy]
