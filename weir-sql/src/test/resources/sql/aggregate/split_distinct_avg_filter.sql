-- Split-distinct with AVG and FILTER: AVG(DISTINCT v) and AVG(v) are a SUM and a COUNT per group
-- and bucket, added up and divided per group (integer division for INT, as in Flink); a FILTER
-- applies per bucket. The result adds up to the one-phase result.
SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '4';
CREATE TEMPORARY VIEW t (k, v, ok) AS VALUES ('a', 1, TRUE), ('b', 2, FALSE), ('a', 3, TRUE), ('a', CAST(NULL AS INT), TRUE),
  ('b', 2, TRUE), ('c', 9, FALSE), ('a', 3, FALSE), ('b', 1, TRUE), ('c', 4, TRUE), ('a', 6, TRUE), ('a', 8, FALSE);
SELECT k, AVG(DISTINCT v) AS ad, AVG(v) AS a, COUNT(DISTINCT v) FILTER (WHERE ok) AS dok,
  SUM(v) FILTER (WHERE ok) AS sok, AVG(CAST(v AS DECIMAL(10, 2))) AS adec
FROM t GROUP BY k
---- final
+I[a, 4, 4, 3, 10, 4.20]
+I[b, 1, 1, 2, 3, 1.67]
+I[c, 6, 6, 1, 4, 6.50]
