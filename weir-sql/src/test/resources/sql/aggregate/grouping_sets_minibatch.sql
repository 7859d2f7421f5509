-- GROUPING SETS with mini-batch on: the one group aggregate over the expanded rows is
-- mini-batched; the result adds up to that without it.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';
CREATE TEMPORARY VIEW t (a, b, v) AS VALUES ('x', 1, 10), ('x', 2, 20), ('y', 1, 30), ('x', 1, 5);
SELECT a, b, SUM(v) AS total, COUNT(*) AS n FROM t GROUP BY GROUPING SETS ((a, b), (b))
---- final
+I[x, 1, 15, 2]
+I[x, 2, 20, 1]
+I[y, 1, 30, 1]
+I[NULL, 1, 45, 3]
+I[NULL, 2, 20, 1]
