-- A scalar sub-query that is not an aggregate gives its one row's value.
CREATE TEMPORARY VIEW t1 (a) AS VALUES (1), (2);
CREATE TEMPORARY VIEW t2 (k, b) AS VALUES ('x', 10), ('y', 20);
SELECT a, (SELECT b FROM t2 WHERE k = 'y') FROM t1
---- final
+I[1, 20]
+I[2, 20]
