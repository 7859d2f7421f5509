-- Split-distinct with a user-defined aggregate in the same select list: as in Flink (whose split rule
-- takes built-in aggregates only), the aggregate is not split and runs in one level, with the same
-- result; FIRST_VALUE and COLLECT do not split either.
SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '4';
CREATE FUNCTION weighted_avg AS 'io.weir.sql.udf.TestFunctions$WeightedAvg';
CREATE TABLE t (k STRING, v BIGINT, w INT) WITH (
  'connector' = 'values', 'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 10, 1]; +I[a, 10, 1]; +I[a, 40, 2]; +I[b, 7, 1]; +I[b, 9, 1]; -D[b, 9, 1]; +I[b, 8, 3]');
SELECT k, COUNT(DISTINCT v), weighted_avg(v, w), FIRST_VALUE(v), CARDINALITY(COLLECT(v)) FROM t GROUP BY k
---- final
+I[a, 2, 25, 10, 3]
+I[b, 2, 7, 7, 2]
