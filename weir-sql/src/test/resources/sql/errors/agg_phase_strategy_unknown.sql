-- A bad agg-phase strategy names the values it takes.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 s';
SET 'table.exec.mini-batch.size' = '100';
SET 'table.optimizer.agg-phase-strategy' = 'THREE_PHASE';
CREATE TEMPORARY VIEW t (k) AS VALUES ('a');
SELECT k, COUNT(*) FROM t GROUP BY k
---- error
'table.optimizer.agg-phase-strategy' is AUTO, ONE_PHASE or TWO_PHASE, not 'THREE_PHASE'
