-- A changelog source: MIN and MAX take retracted values back out (the next extreme is found
-- again when the current one goes), SUM and COUNT subtract.
CREATE TABLE prices (item STRING, price INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[x, 10]; +I[y, 5]; -U[x, 10]; +U[x, 3]; -D[y, 5]'
);
SELECT COUNT(*) AS n, MIN(price) AS lo, MAX(price) AS hi, SUM(price) AS total FROM prices
---- rows
+I[1, 10, 10, 10]
-U[1, 10, 10, 10]
+U[2, 5, 10, 15]
-U[2, 5, 10, 15]
+U[1, 5, 5, 5]
-U[1, 5, 5, 5]
+U[2, 3, 5, 8]
-U[2, 3, 5, 8]
+U[1, 3, 3, 3]
