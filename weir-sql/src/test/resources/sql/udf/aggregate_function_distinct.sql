-- DISTINCT on a user-defined aggregate: each distinct combination of its arguments is accumulated
-- once and retracted when its last copy goes, so the duplicate (10, 1) counts once.
CREATE FUNCTION weighted_avg AS 'io.weir.sql.udf.TestFunctions$WeightedAvg';
CREATE TABLE scores (k STRING, v BIGINT, w INT) WITH (
  'connector' = 'values', 'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 10, 1]; +I[a, 10, 1]; +I[a, 40, 2]; +I[b, 7, 1]; +I[b, 9, 1]; -D[b, 9, 1]; +I[b, 7, 1]');
SELECT k, weighted_avg(DISTINCT v, w), weighted_avg(v, w) FROM scores GROUP BY k
---- final
+I[a, 30, 25]
+I[b, 7, 7]
