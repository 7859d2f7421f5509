-- In BATCH mode windows with different PARTITION BY or ORDER BY run one after the other, each sorting
-- the partitions of its own, as in Flink's batch planner.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2), ('b', 3), ('b', CAST(NULL AS INT));
SELECT k, v, LEAD(v) OVER (PARTITION BY k ORDER BY v) AS next1, SUM(v) OVER (ORDER BY v) AS run_sum,
  RANK() OVER (ORDER BY v DESC) AS r, COUNT(*) OVER (PARTITION BY k) AS c
FROM t
---- rows
+I[a, 1, 2, 1, 3, 2]
+I[a, 2, NULL, 3, 2, 2]
+I[b, 3, NULL, 6, 1, 2]
+I[b, NULL, 3, NULL, 4, 2]
