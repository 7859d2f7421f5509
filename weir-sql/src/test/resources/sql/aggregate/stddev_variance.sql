-- STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP, reduced to SUM(x * x), SUM(x) and COUNT(x) as in Flink, so
-- they take rows back on an updating input: (a, 9.0) is replaced by (a, 4.0), (b, 7.0) deleted.
CREATE TABLE t (g STRING, v DOUBLE) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 1.0]; +I[a, 2.0]; +I[a, 3.0]; +I[a, 9.0]; +I[b, 5.0]; +I[b, 7.0]; -U[a, 9.0]; +U[a, 4.0]; -D[b, 7.0]'
);
SELECT g, STDDEV_POP(v), STDDEV_SAMP(v), VAR_POP(v), VAR_SAMP(v) FROM t GROUP BY g
---- final
+I[a, 1.118033988749895, 1.2909944487358056, 1.25, 1.6666666666666667]
+I[b, 0.0, NULL, 0.0, NULL]
