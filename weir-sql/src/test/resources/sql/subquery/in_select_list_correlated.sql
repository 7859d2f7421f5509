-- A correlated IN in the select list: the sub-query's rows per correlation key, joined on it.
CREATE TEMPORARY VIEW t1 (a, k, x) AS VALUES (1, 'p', 10), (2, 'p', 20), (3, 'q', 10), (4, 'z', 10),
  (5, 'q', CAST(NULL AS INT));
CREATE TEMPORARY VIEW t2 (k, y) AS VALUES ('p', 10), ('p', 30), ('q', CAST(NULL AS INT)), ('q', 20);
SELECT a, x IN (SELECT y FROM t2 WHERE t2.k = t1.k) FROM t1
---- final
+I[1, TRUE]
+I[2, FALSE]
+I[3, NULL]
+I[4, FALSE]
+I[5, NULL]
