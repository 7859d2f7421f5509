CREATE TEMPORARY FUNCTION split AS 'io.weir.sql.udf.TestFunctions$SplitFunction';
SELECT id, word, length
FROM (VALUES (1, 'hello big world'), (2, ''), (3, CAST(NULL AS STRING))) AS t(id, line),
     LATERAL TABLE(split(line))
---- rows
+I[1, hello, 5]
+I[1, big, 3]
+I[1, world, 5]
