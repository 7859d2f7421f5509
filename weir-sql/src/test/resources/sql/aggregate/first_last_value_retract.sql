-- FIRST_VALUE and LAST_VALUE take rows back on an updating input, as Flink's retracting versions do:
-- the values are kept in arrival order, a retraction removes the earliest equal one, and the result
-- falls back to the next first (or previous last) value. A group whose rows are all gone is deleted.
CREATE TABLE t (g STRING, v INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 1]; +I[a, 2]; +I[a, 3]; -D[a, 1]; -D[a, 3];
            +I[b, 5]; -D[b, 5];
            +I[c, 1]; +I[c, 2]; +I[c, 1]; -D[c, 1];
            +I[d, 7]; +I[d, NULL]; -U[d, 7]; +U[d, 8]'
);
SELECT g, FIRST_VALUE(v), LAST_VALUE(v) FROM t GROUP BY g
---- rows
+I[a, 1, 1]
-U[a, 1, 1]
+U[a, 1, 2]
-U[a, 1, 2]
+U[a, 1, 3]
-U[a, 1, 3]
+U[a, 2, 3]
-U[a, 2, 3]
+U[a, 2, 2]
+I[b, 5, 5]
-D[b, 5, 5]
+I[c, 1, 1]
-U[c, 1, 1]
+U[c, 1, 2]
-U[c, 1, 2]
+U[c, 1, 1]
-U[c, 1, 1]
+U[c, 2, 1]
+I[d, 7, 7]
-U[d, 7, 7]
+U[d, NULL, NULL]
-U[d, NULL, NULL]
+U[d, 8, 8]
