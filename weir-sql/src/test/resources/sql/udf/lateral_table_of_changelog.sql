CREATE FUNCTION split AS 'io.weir.sql.udf.TestFunctions$SplitFunction';
CREATE TABLE lines (id INT, line STRING) WITH (
  'connector' = 'values', 'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[1, a bb]; -U[1, a bb]; +U[1, ccc]; -D[1, ccc]');
SELECT id, T.word, T.length FROM lines, LATERAL TABLE(split(line)) AS T(word, length)
---- rows
+I[1, a, 1]
+I[1, bb, 2]
-U[1, a, 1]
-U[1, bb, 2]
+U[1, ccc, 3]
-D[1, ccc, 3]
