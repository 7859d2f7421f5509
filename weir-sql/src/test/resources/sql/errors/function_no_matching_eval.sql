CREATE FUNCTION describe_it AS 'io.weir.sql.udf.TestFunctions$Describe';
SELECT describe_it(TRUE)
---- error
Function describe_it has no eval method for arguments (BOOLEAN NOT NULL); io.weir.sql.udf.TestFunctions$Describe declares eval(Long), eval(String, Integer[]), eval(int)
