CREATE TEMPORARY VIEW t (v) AS VALUES (1), (2), (3);
SELECT v % 2 AS parity, COUNT(*) AS n FROM t GROUP BY v % 2
---- rows
+I[1, 1]
+I[0, 1]
-U[1, 1]
+U[1, 2]
