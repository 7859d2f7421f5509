-- GROUPING() with a grouping set listed twice: Calcite plans the duplicate sets as a UNION ALL whose
-- inputs give GROUPING's column other integer types (INTEGER in one, BIGINT in the other); the union
-- casts each input's columns to its own types.
CREATE TEMPORARY VIEW t (a, v) AS VALUES ('x', 10), ('x', 20), ('y', 30);
SELECT a, SUM(v) AS total, GROUPING(a) AS ga, GROUP_ID() AS g FROM t GROUP BY GROUPING SETS ((a), (), ())
---- final
+I[x, 30, 0, 0]
+I[y, 30, 0, 0]
+I[NULL, 60, 1, 0]
+I[NULL, 60, 1, 1]
