-- BATCH mode RANGE frames reach by ORDER BY value, peers always together: 1 PRECEDING AND 2 FOLLOWING
-- holds the rows whose v is within [v - 1, v + 2]; CURRENT ROW starts at the row's first peer;
-- UNBOUNDED PRECEDING AND 1 PRECEDING ends before v - 1 is passed. A row whose v is NULL has its NULL
-- peers where an offset bound falls, and NULL rows are never within an offset of a value.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2), ('a', 2), ('a', 4), ('a', 7), ('a', CAST(NULL AS INT)),
  ('b', 3);
SELECT k, v,
  SUM(v) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS near,
  COUNT(*) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS from_here,
  SUM(v) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
FROM t
---- rows
+I[a, NULL, NULL, 6, NULL]
+I[a, 1, 5, 5, NULL]
+I[a, 2, 9, 4, 1]
+I[a, 2, 9, 4, 1]
+I[a, 4, 4, 2, 5]
+I[a, 7, 7, 1, 9]
+I[b, 3, 3, 1, NULL]
