-- COLLECT(x): the MULTISET of a group's non-null values with their counts; only NULLs give the empty
-- multiset. On an updating input a retraction lowers a value's count and drops it at zero.
CREATE TABLE t (g STRING, v INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 1]; +I[a, 2]; +I[a, 1]; +I[a, NULL]; -D[a, 2]; +I[b, NULL]; +I[c, 3]; +I[c, 4]; -D[c, 3];
            +I[d, 5]; -D[d, 5]; +I[e, 6]; +I[e, 7]'
);
SELECT g, COLLECT(v), CARDINALITY(COLLECT(v)) FROM t GROUP BY g
---- final
+I[a, {1=2}, 2]
+I[b, {}, 0]
+I[c, {4=1}, 1]
+I[e, {6=1, 7=1}, 2]
