-- In BATCH mode (SET 'execution.runtime-mode' = 'batch', or EnvironmentSettings.inBatchMode()) the ranking
-- functions run over any ORDER BY of a bounded input, as in Flink's batch planner: each partition is
-- sorted once the input has ended. Peers (equal order values) share RANK, DENSE_RANK, PERCENT_RANK and
-- CUME_DIST; NULLs sort first ascending, as in Flink. Tied rows here are equal rows, so which of them
-- gets which ROW_NUMBER does not show.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 10), ('a', 20), ('a', 20), ('a', 30), ('a', CAST(NULL AS INT)),
  ('b', 5), ('c', 7), ('c', 7);
SELECT k, v, ROW_NUMBER() OVER w AS rn, RANK() OVER w AS r, DENSE_RANK() OVER w AS dr,
  PERCENT_RANK() OVER w AS pr, CUME_DIST() OVER w AS cd
FROM t
WINDOW w AS (PARTITION BY k ORDER BY v)
---- rows
+I[a, NULL, 1, 1, 1, 0.0, 0.2]
+I[a, 10, 2, 2, 2, 0.25, 0.4]
+I[a, 20, 3, 3, 3, 0.5, 0.8]
+I[a, 20, 4, 3, 3, 0.5, 0.8]
+I[a, 30, 5, 5, 4, 1.0, 1.0]
+I[b, 5, 1, 1, 1, 0.0, 1.0]
+I[c, 7, 1, 1, 1, 0.0, 1.0]
+I[c, 7, 2, 1, 1, 0.0, 1.0]
