-- BATCH mode ROWS frames, counted in rows of the sorted partition: around the row (1 PRECEDING AND 1
-- FOLLOWING), from it to the end (CURRENT ROW AND UNBOUNDED FOLLOWING), and frames that leave the row
-- out (2 FOLLOWING AND 3 FOLLOWING, 3 PRECEDING AND 2 PRECEDING), which are empty near the partition's
-- ends: COUNT 0, MIN NULL. Windows with one PARTITION BY and ORDER BY but other frames run together.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 3), ('a', 1), ('a', 5), ('a', 2), ('a', 4), ('b', 10);
SELECT k, v,
  SUM(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS around,
  SUM(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest,
  COUNT(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING) AS ahead,
  MIN(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 3 PRECEDING AND 2 PRECEDING) AS behind,
  LAG(v) OVER (PARTITION BY k ORDER BY v) AS previous
FROM t
---- rows
+I[a, 1, 3, 15, 2, NULL, NULL]
+I[a, 2, 6, 14, 2, NULL, 1]
+I[a, 3, 9, 12, 1, 1, 2]
+I[a, 4, 12, 9, 0, 1, 3]
+I[a, 5, 9, 5, 0, 2, 4]
+I[b, 10, 10, 10, 0, NULL, NULL]
