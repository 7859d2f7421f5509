-- VARIANCE and STDDEV (Flink's names for VAR_SAMP and STDDEV_SAMP), COLLECT(DISTINCT x) (each value
-- once), and FIRST_VALUE/LAST_VALUE with mini-batch on: they do not merge, so the aggregate runs in
-- one phase, mini-batched.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 s';
SET 'table.exec.mini-batch.size' = '3';
CREATE TABLE t (g STRING, v INT) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1]; +I[a, 3]; +I[a, 3]; +I[b, 4]; +I[a, 5]; +I[b, 4]'
);
SELECT g, VARIANCE(v), STDDEV(v), COLLECT(DISTINCT v), CARDINALITY(COLLECT(DISTINCT v)), FIRST_VALUE(v),
  LAST_VALUE(v)
FROM t GROUP BY g
---- final
+I[a, 2, 1, {1=1, 3=1, 5=1}, 3, 1, 5]
+I[b, 0, 0, {4=1}, 1, 4, 4]
