-- COUNT(DISTINCT), FILTER (WHERE ...) and HAVING: HAVING filters the changelog, so a group's
-- results appear once COUNT(*) > 1 (as +U, the update that made it pass).
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 1), ('a', 2), ('b', 5), ('b', 6), ('b', 7);
SELECT k, COUNT(DISTINCT v) AS d, SUM(v) FILTER (WHERE v > 1) AS big FROM t GROUP BY k HAVING COUNT(*) > 1
---- rows
+U[a, 1, NULL]
-U[a, 1, NULL]
+U[a, 2, 2]
+U[b, 2, 11]
-U[b, 2, 11]
+U[b, 3, 18]
