-- NTILE(n) in BATCH mode: the sorted partition cut into n buckets whose sizes differ by at most one, the
-- larger buckets first (7 rows in 3 buckets: 3, 2, 2); more buckets than rows gives each row its own.
-- Its type is BIGINT, as Flink's.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2), ('a', 3), ('a', 4), ('a', 5), ('a', 6), ('a', 7),
  ('b', 1), ('b', 2);
SELECT k, v, NTILE(3) OVER w AS t3, NTILE(4) OVER w AS t4
FROM t
WINDOW w AS (PARTITION BY k ORDER BY v)
---- rows
+I[a, 1, 1, 1]
+I[a, 2, 1, 1]
+I[a, 3, 1, 2]
+I[a, 4, 2, 2]
+I[a, 5, 2, 3]
+I[a, 6, 3, 3]
+I[a, 7, 3, 4]
+I[b, 1, 1, 1]
+I[b, 2, 2, 2]
