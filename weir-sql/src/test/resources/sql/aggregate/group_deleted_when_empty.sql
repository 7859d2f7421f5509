-- When a group's last row is retracted, its result is deleted (-D); a new row starts it again (+I).
CREATE TABLE prices (item STRING, price INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[x, 10]; +I[y, 5]; -U[x, 10]; +U[x, 3]; -D[y, 5]'
);
SELECT item, SUM(price) AS total FROM prices GROUP BY item
---- rows
+I[x, 10]
+I[y, 5]
-D[x, 10]
+I[x, 3]
-D[y, 5]
