-- ROLLUP emits the changelog of each set's groups: the first row of a group inserts it, a later one
-- updates it (-U then +U).
CREATE TEMPORARY VIEW t (a, b, v) AS VALUES ('x', 1, 10), ('x', 2, 20);
SELECT a, b, SUM(v) AS total, GROUPING(a) AS ga, GROUPING(b) AS gb FROM t GROUP BY ROLLUP (a, b)
---- rows
+I[x, 1, 10, 0, 0]
+I[x, 2, 20, 0, 0]
+I[x, NULL, 10, 0, 1]
-U[x, NULL, 10, 0, 1]
+U[x, NULL, 30, 0, 1]
+I[NULL, NULL, 10, 1, 1]
-U[NULL, NULL, 10, 1, 1]
+U[NULL, NULL, 30, 1, 1]
