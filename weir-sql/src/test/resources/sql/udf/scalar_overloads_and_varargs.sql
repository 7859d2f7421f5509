CREATE TEMPORARY SYSTEM FUNCTION describe_it AS 'io.weir.sql.udf.TestFunctions$Describe';
CREATE FUNCTION scale AS 'io.weir.sql.udf.TestFunctions$Scale' LANGUAGE JAVA;
SELECT describe_it(id), describe_it(CAST(id AS BIGINT)), describe_it(name), describe_it(name, id, 2),
       scale(price)
FROM (VALUES (1, 'a', CAST(1.25 AS DECIMAL(10, 2))), (2, 'b', CAST(NULL AS DECIMAL(10, 2)))) AS t(id, name, price)
WHERE describe_it(id) <> 'int 3'
---- rows
+I[int 1, long 1, a 0 0, a 2 3, 12.50]
+I[int 2, long 2, b 0 0, b 2 4, NULL]
