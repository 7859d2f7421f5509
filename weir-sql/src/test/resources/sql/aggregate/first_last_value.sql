-- FIRST_VALUE and LAST_VALUE as group aggregates, as in Flink: the first (last) non-null value in the
-- order the rows arrive; a group with only NULLs gives NULL.
CREATE TABLE t (g STRING, v INT, s STRING) WITH (
  'connector' = 'values',
  'data' = '+I[a, NULL, NULL]; +I[a, 1, x]; +I[b, NULL, y]; +I[a, 2, NULL]; +I[a, 3, z]; +I[c, NULL, NULL]'
);
SELECT g, FIRST_VALUE(v), LAST_VALUE(v), FIRST_VALUE(s), LAST_VALUE(s), COUNT(*) FROM t GROUP BY g
---- final
+I[a, 1, 3, x, z, 4]
+I[b, NULL, NULL, y, y, 1]
+I[c, NULL, NULL, NULL, NULL, 1]
