-- ROWS BETWEEN 1 PRECEDING over processing time: each row counts itself and the row before it.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '4',
  'fields.u.length' = '1', 'seed' = '1');
SELECT COUNT(*) OVER w AS n, COUNT(u) OVER w AS s
FROM clicks WINDOW w AS (ORDER BY pt ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
---- rows
+I[1, 1]
+I[2, 2]
+I[2, 2]
+I[2, 2]
