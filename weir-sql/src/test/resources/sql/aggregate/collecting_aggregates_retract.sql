-- ARRAY_AGG, LISTAGG, JSON_ARRAYAGG and JSON_OBJECTAGG take rows back on an updating input, as Flink's do:
-- deleting (a, x, 1) removes its entry.
CREATE TABLE t (g STRING, k STRING, v INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, x, 1]; +I[a, y, 2]; +I[b, z, 3]; -D[a, x, 1]'
);
SELECT g, ARRAY_AGG(v), LISTAGG(k), JSON_ARRAYAGG(v), JSON_OBJECTAGG(KEY k VALUE v)
FROM t GROUP BY g
---- final
+I[a, [2], y, [2], {"y":2}]
+I[b, [3], z, [3], {"z":3}]
