-- ROLLUP (a, b) is the sets (a, b), (a), (); CUBE (a, b) adds (b). GROUPING_ID numbers the set
-- (a bit per argument, 1 where it is rolled up). One update per row and set.
CREATE TEMPORARY VIEW t (a, b, v) AS VALUES ('x', 1, 10), ('x', 2, 20), ('y', 1, 30);
SELECT a, b, SUM(v) AS total, GROUPING_ID(a, b) AS gid FROM t GROUP BY CUBE (a, b)
---- final
+I[x, 1, 10, 0]
+I[x, 2, 20, 0]
+I[y, 1, 30, 0]
+I[x, NULL, 30, 1]
+I[y, NULL, 30, 1]
+I[NULL, 1, 40, 2]
+I[NULL, 2, 20, 2]
+I[NULL, NULL, 60, 3]
