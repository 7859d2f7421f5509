CREATE FUNCTION count_all AS 'io.weir.sql.udf.TestFunctions$CountAll';
CREATE TABLE scores (k STRING, v BIGINT) WITH (
  'connector' = 'values', 'changelog-mode' = 'I,UB,UA,D', 'data' = '+I[a, 1]');
SELECT k, count_all(v) FROM scores GROUP BY k
---- error
at line 4, column 11:
Aggregate function count_all gets updates (its input has -U/-D rows) but io.weir.sql.udf.TestFunctions$CountAll declares no retract method
SELECT k, count_all(v) FROM scores GROUP BY k
          ^^^^^^^^^^^^
