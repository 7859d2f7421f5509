-- ARRAY_AGG(x IGNORE NULLS) skips NULLs; a group whose values are all NULL gives NULL.
CREATE TABLE t (g STRING, v INT) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1]; +I[a, NULL]; +I[b, NULL]; +I[a, 2]'
);
SELECT g, ARRAY_AGG(v IGNORE NULLS), ARRAY_AGG(v RESPECT NULLS) FROM t GROUP BY g
---- final
+I[a, [1, 2], [1, null, 2]]
+I[b, NULL, [null]]
