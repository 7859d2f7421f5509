-- A correlation that is no equality and reads an outer column that may be NULL through COALESCE: the
-- value generator's NULL finds the sub-query rows the condition gives for it (joined IS NOT DISTINCT FROM).
CREATE TEMPORARY VIEW t1 (a) AS VALUES (5), (CAST(NULL AS INT)), (50);
CREATE TEMPORARY VIEW t2 (b) AS VALUES (10), (20), (30);
SELECT a, (SELECT COUNT(*) FROM t2 WHERE t2.b < COALESCE(t1.a, 25)),
  EXISTS (SELECT 1 FROM t2 WHERE t2.b > COALESCE(t1.a, 25)) FROM t1
---- final
+I[5, 0, TRUE]
+I[NULL, 2, TRUE]
+I[50, 3, FALSE]
