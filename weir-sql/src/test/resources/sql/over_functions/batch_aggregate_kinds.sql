-- BATCH mode OVER windows take the aggregates as GROUP BY does: DISTINCT (each value once in the frame),
-- and FIRST_VALUE / LAST_VALUE of the frame in the sorted order (skipping NULLs). FILTER (WHERE ...) with
-- OVER is refused by the validator, as in Flink ("OVER must be applied to aggregate function").
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, n, v) AS VALUES ('a', 1, 10), ('a', 2, 10), ('a', 3, 20), ('a', 4, CAST(NULL AS INT)),
  ('a', 5, 30);
SELECT k, n, v, COUNT(DISTINCT v) OVER w AS dv, SUM(DISTINCT v) OVER w AS ds,
  FIRST_VALUE(v) OVER (PARTITION BY k ORDER BY n ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS fv,
  LAST_VALUE(v) OVER (PARTITION BY k ORDER BY n ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS lv
FROM t
WINDOW w AS (PARTITION BY k ORDER BY n)
---- rows
+I[a, 1, 10, 1, 10, 10, 10]
+I[a, 2, 10, 1, 10, 10, 20]
+I[a, 3, 20, 2, 30, 10, 20]
+I[a, 4, NULL, 2, 30, 20, 30]
+I[a, 5, 30, 3, 60, 30, 30]
