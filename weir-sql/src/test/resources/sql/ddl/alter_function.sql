-- ALTER FUNCTION points an existing function name at another class.
CREATE TEMPORARY SYSTEM FUNCTION f AS 'io.weir.sql.udf.TestFunctions$Scale';
ALTER TEMPORARY SYSTEM FUNCTION f AS 'io.weir.sql.udf.TestFunctions$Describe';
SELECT f(7)
---- rows
+I[int 7]
