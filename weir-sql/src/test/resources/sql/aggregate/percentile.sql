-- PERCENTILE(expr, percentage[, frequency]) of Flink 2.x: the exact percentile, interpolated linearly
-- between the two nearest values; NULL values are skipped; an ARRAY of percentages gives an ARRAY.
-- A retracted row takes its value back out (group c: 0, 10, 10 then -D 10 leaves 0, 10).
CREATE TABLE t (g STRING, v INT, f INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 0, 1]; +I[a, 10, 2]; +I[a, NULL, 1]; +I[b, 5, 1];
            +I[c, 0, 1]; +I[c, 10, 1]; +I[c, 10, 1]; -D[c, 10, 1]; +I[d, NULL, 1]'
);
SELECT g, PERCENTILE(v, 0.3), PERCENTILE(v, 0.3, f), PERCENTILE(v, ARRAY[0.25, 0.75]), PERCENTILE(v, 1)
FROM t GROUP BY g
---- final
+I[a, 3.0, 6.0, [2.5, 7.5], 10.0]
+I[b, 5.0, 5.0, [5.0, 5.0], 5.0]
+I[c, 3.0, 3.0, [2.5, 7.5], 10.0]
+I[d, NULL, NULL, NULL, NULL]
