-- ALL and SOME in WHERE, correlated: a row passes only when the comparison is TRUE (NULL drops it).
CREATE TEMPORARY VIEW t1 (a, k, x) AS VALUES (1, 'p', 50), (2, 'p', 15), (3, 'q', 5), (4, 'z', 1);
CREATE TEMPORARY VIEW t2 (k, y) AS VALUES ('p', 10), ('p', 20), ('q', 1), ('q', CAST(NULL AS INT));
SELECT a FROM t1 WHERE x > ALL (SELECT y FROM t2 WHERE t2.k = t1.k)
---- final
+I[1]
+I[4]
