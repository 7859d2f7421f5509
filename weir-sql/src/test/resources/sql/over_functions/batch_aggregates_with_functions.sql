-- In BATCH mode one window may mix the ranking and offset functions with aggregates, as in Flink's batch
-- planner. Without a frame, an aggregate with ORDER BY runs over RANGE BETWEEN UNBOUNDED PRECEDING AND
-- CURRENT ROW: the rows up to the current one and all its peers (equal ORDER BY values), so tied rows share
-- their SUM while LEAD tells them apart; a NULL value counts in COUNT(*) only; NULLs sort first ascending.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2), ('a', 2), ('a', CAST(NULL AS INT)), ('a', 4),
  ('b', 10), ('b', 20);
SELECT k, v, RANK() OVER w AS r, LEAD(v) OVER w AS next1, SUM(v) OVER w AS s, COUNT(*) OVER w AS c,
  COUNT(v) OVER w AS cv, MAX(v) OVER w AS mx
FROM t
WINDOW w AS (PARTITION BY k ORDER BY v)
---- rows
+I[a, NULL, 1, 1, NULL, 1, 0, NULL]
+I[a, 1, 2, 2, 1, 2, 1, 1]
+I[a, 2, 3, 2, 5, 4, 3, 2]
+I[a, 2, 3, 4, 5, 4, 3, 2]
+I[a, 4, 5, NULL, 9, 5, 4, 4]
+I[b, 10, 1, 20, 10, 1, 1, 10]
+I[b, 20, 2, NULL, 30, 2, 2, 20]
