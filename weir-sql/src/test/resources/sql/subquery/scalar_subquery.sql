-- An uncorrelated scalar sub-query in the select list: every outer row gets its value (a LEFT JOIN ON TRUE,
-- as Flink plans it), updated when the sub-query's result changes.
CREATE TEMPORARY VIEW t1 (a) AS VALUES (1), (2);
CREATE TEMPORARY VIEW t2 (b) AS VALUES (10), (20), (CAST(NULL AS INT));
SELECT a, (SELECT MAX(b) FROM t2), a + (SELECT COUNT(*) FROM t2 WHERE b > 15) FROM t1
---- final
+I[1, 20, 2]
+I[2, 20, 3]
