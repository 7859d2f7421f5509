-- A scalar sub-query correlated by a condition that is no equality (b > a) runs, as in Flink: each
-- outer row gets the MAX over the sub-query's rows that satisfy the condition for it.
CREATE TEMPORARY VIEW t1 (a) AS VALUES (1), (2), (15), (30);
CREATE TEMPORARY VIEW t2 (b) AS VALUES (10), (20), (2);
SELECT a, (SELECT MAX(b) FROM t2 WHERE b > a), (SELECT MIN(b) FROM t2 WHERE b > a) FROM t1
---- final
+I[1, 20, 2]
+I[2, 20, 10]
+I[15, 20, 20]
+I[30, NULL, NULL]
