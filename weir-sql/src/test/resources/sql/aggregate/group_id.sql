-- GROUP_ID() numbers the occurrences of a grouping set listed more than once, from 0, as in Flink:
-- GROUPING SETS ((a), (), ()) gives the grand total twice, once with 0 and once with 1. (Calcite
-- plans duplicate sets as a UNION ALL of aggregates with GROUP_ID as a constant.)
CREATE TEMPORARY VIEW t (a, v) AS VALUES ('x', 10), ('x', 20), ('y', 30);
SELECT a, SUM(v) AS total, GROUP_ID() AS g FROM t GROUP BY GROUPING SETS ((a), (), ())
---- final
+I[x, 30, 0]
+I[y, 30, 0]
+I[NULL, 60, 0]
+I[NULL, 60, 1]
