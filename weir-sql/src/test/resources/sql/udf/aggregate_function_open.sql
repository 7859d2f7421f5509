-- A user-defined aggregate is opened (open(FunctionContext)) before its first row in every subtask, as in
-- Flink: OpenCloseCount fails on a row that reaches it unopened.
CREATE FUNCTION open_count AS 'io.weir.sql.udf.TestFunctions$OpenCloseCount';
CREATE TABLE scores (k STRING, v BIGINT) WITH (
  'connector' = 'values', 'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 10]; +I[a, 40]; +I[b, 7]; -D[a, 40]');
SELECT k, open_count(v) FROM scores GROUP BY k
---- final
+I[a, 1]
+I[b, 1]
