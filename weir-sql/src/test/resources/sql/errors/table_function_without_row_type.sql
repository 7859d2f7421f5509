CREATE FUNCTION untyped AS 'io.weir.sql.udf.TestFunctions$Untyped';
SELECT * FROM (VALUES ('a')) AS t(s), LATERAL TABLE(untyped(s))
---- error
does not say the type of its rows; annotate the class with @FunctionHint(output = @DataTypeHint("ROW<name STRING, n INT>"))
