-- Mini-batch needs its latency, as in Flink.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.size' = '100';
CREATE TEMPORARY VIEW t (k) AS VALUES ('a');
SELECT k, COUNT(*) FROM t GROUP BY k
---- error
'table.exec.mini-batch.allow-latency' must be a positive duration
