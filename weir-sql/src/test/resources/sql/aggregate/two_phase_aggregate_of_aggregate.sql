-- An aggregate of an aggregate with mini-batch on: the outer one's input has updates (the inner
-- one's -U/+U), and it runs in two phases too; the result is that of one phase.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2), ('a', 3), ('c', 4), ('b', 5), ('a', 6), ('d', 1);
SELECT s % 2 AS parity, COUNT(*) AS n, SUM(s) AS total, MAX(s) AS top, MIN(s) AS low
FROM (SELECT k, SUM(v) AS s FROM t GROUP BY k)
GROUP BY s % 2
---- final
+I[0, 2, 14, 10, 4]
+I[1, 2, 8, 7, 1]
