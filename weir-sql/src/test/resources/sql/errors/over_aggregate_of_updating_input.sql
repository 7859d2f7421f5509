CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'values', 'data' = '+I[a]', 'changelog-mode' = 'I,UB,UA,D');
SELECT u,
  COUNT(*) OVER (PARTITION BY u ORDER BY pt) AS n
FROM clicks
---- error
at line 3, column 3: An OVER aggregate needs append-only input, but its input has updates
  COUNT(*) OVER (PARTITION BY u ORDER BY pt) AS n
  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
