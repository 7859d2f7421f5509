-- A user aggregate that declares merge (and retract) runs in two phases with mini-batch on, over a
-- changelog source too: the local half accumulates and retracts into partial accumulators, the
-- global half merges them with the function's merge.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '2';
CREATE FUNCTION weighted_avg AS 'io.weir.sql.udf.TestFunctions$WeightedAvg';
CREATE TABLE scores (k STRING, v BIGINT, w INT) WITH (
  'connector' = 'values', 'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 10, 1]; +I[a, 40, 2]; +I[b, 7, 1]; -U[a, 40, 2]; +U[a, 100, 1]; -D[b, 7, 1]');
SELECT k, weighted_avg(v, w) AS avg_v FROM scores GROUP BY k
---- final
+I[a, 55]
