CREATE FUNCTION weighted_avg AS 'io.weir.sql.udf.TestFunctions$WeightedAvg';
CREATE TEMPORARY SYSTEM FUNCTION count_all AS 'io.weir.sql.udf.TestFunctions$CountAll';
SELECT k, weighted_avg(v, w), count_all(v), weighted_avg(v, w) FILTER (WHERE w > 1)
FROM (VALUES ('a', 10, 1), ('a', 40, 2), ('b', 5, 3), ('b', CAST(NULL AS INT), 1)) AS t(k, v, w)
GROUP BY k
---- final
+I[a, 30, 2, 40]
+I[b, 5, 2, 5]
