-- The first row of a group inserts its result; each later row that changes it retracts the old
-- result (-U) and sends the new one (+U). Nulls are skipped by all but COUNT(*).
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2), ('a', 3), ('a', CAST(NULL AS INT)), ('b', 2);
SELECT k, COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), AVG(v) FROM t GROUP BY k
---- rows
+I[b, 1, 1, 2, 2, 2, 2]
-U[b, 1, 1, 2, 2, 2, 2]
+U[b, 2, 2, 4, 2, 2, 2]
+I[a, 1, 1, 1, 1, 1, 1]
-U[a, 1, 1, 1, 1, 1, 1]
+U[a, 2, 2, 4, 1, 3, 2]
-U[a, 2, 2, 4, 1, 3, 2]
+U[a, 3, 2, 4, 1, 3, 2]
