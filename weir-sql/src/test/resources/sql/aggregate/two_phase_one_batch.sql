-- Two-phase aggregation with the whole bounded input in one batch: each group's final row
-- alone, as with one-phase mini-batch (AUTO picks two phases when mini-batch is on and the calls merge).
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '1000';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2), ('a', 3), ('b', 2);
SELECT k, COUNT(*) AS n, SUM(v) AS s, AVG(v) AS a FROM t GROUP BY k
---- rows
+I[a, 2, 4, 2]
+I[b, 2, 4, 2]
