CREATE FUNCTION range_of AS 'io.weir.sql.udf.TestFunctions$Range';
SELECT t.name, r.n
FROM (VALUES ('a', 2), ('b', 0), ('c', CAST(NULL AS INT))) AS t(name, cnt)
LEFT JOIN LATERAL TABLE(range_of(cnt)) AS r(n) ON TRUE
---- rows
+I[a, 1]
+I[a, 2]
+I[b, NULL]
+I[c, NULL]
