-- Two-phase aggregation without GROUP BY: every subtask pre-aggregates its batches into one
-- partial, the one global group merges them.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '2';
CREATE TEMPORARY VIEW t (v) AS VALUES (4), (1), (7), (2), (9);
SELECT COUNT(*) AS n, SUM(v) AS s, MIN(v) AS lo, MAX(v) AS hi, AVG(v) AS a FROM t
---- final
+I[5, 23, 1, 9, 4]
