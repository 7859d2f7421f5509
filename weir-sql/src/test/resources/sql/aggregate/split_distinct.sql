-- Split-distinct: COUNT(DISTINCT v) and the other calls run first per group and bucket of v (4
-- buckets), then per group over the buckets. The result adds up to the one-phase result.
SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '4';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2), ('a', 3), ('a', CAST(NULL AS INT)), ('b', 2),
  ('c', 9), ('a', 3), ('b', 1), ('c', 4), ('a', 6), ('a', 7), ('a', 1);
SELECT k, COUNT(DISTINCT v) AS d, COUNT(*) AS n, COUNT(v) AS nv, SUM(v) AS s, MIN(v) AS lo, MAX(v) AS hi,
  SUM(DISTINCT v) AS sd
FROM t GROUP BY k
---- final
+I[a, 4, 7, 6, 21, 1, 7, 17]
+I[b, 2, 3, 3, 5, 1, 2, 3]
+I[c, 2, 2, 2, 13, 4, 9, 13]
