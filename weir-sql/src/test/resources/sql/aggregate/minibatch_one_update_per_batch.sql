-- Mini-batch: the aggregate buffers its rows per group and applies them at once, so a group
-- changed by several rows of one batch sends one change. With a long latency and a large size the
-- whole bounded input is one batch (applied at the end of input): each group's final row alone.
-- Without mini-batch the same query sends every step (see group_retraction.sql).
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '1000';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2), ('a', 3), ('a', CAST(NULL AS INT)), ('b', 2);
SELECT k, COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), AVG(v) FROM t GROUP BY k
---- rows
+I[b, 2, 2, 4, 2, 2, 2]
+I[a, 3, 2, 4, 1, 3, 2]
