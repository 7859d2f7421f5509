-- The DISTINCT forms of ARRAY_AGG and LISTAGG collect each value once, in the order values first
-- arrive, and give a value back only when its last copy is retracted (as Flink's distinct aggregates).
CREATE TABLE t (g STRING, k STRING, v INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, x, 1]; +I[a, x, 1]; +I[a, y, 2]; -D[a, x, 1]; +I[b, z, 3]; -D[a, x, 1]'
);
SELECT g, ARRAY_AGG(DISTINCT v), LISTAGG(DISTINCT k, ';'), COUNT(*) FROM t GROUP BY g
---- rows
+I[a, [1], x, 1]
-U[a, [1], x, 1]
+U[a, [1], x, 2]
-U[a, [1], x, 2]
+U[a, [1, 2], x;y, 3]
-U[a, [1, 2], x;y, 3]
+U[a, [1, 2], x;y, 2]
+I[b, [3], z, 1]
-U[a, [1, 2], x;y, 2]
+U[a, [2], y, 1]
