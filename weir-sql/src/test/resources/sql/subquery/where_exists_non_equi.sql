-- EXISTS / NOT EXISTS / IN among WHERE's conjunctions, correlated by a condition that is no equality:
-- semi and anti joins whose condition is the correlation (no equi-key: one subtask), as in Flink. A
-- retracted sub-query row takes the outer rows it let through back.
CREATE TEMPORARY VIEW t1 (a, k) AS VALUES (1, 'x'), (15, 'x'), (25, 'y');
CREATE TABLE t2 (b INT, k STRING) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[10, x]; +I[20, y]; +I[30, y]; -D[30, y]'
);
SELECT a, 'exists' FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.b > t1.a)
UNION ALL
SELECT a, 'not exists' FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE t2.b < t1.a AND t2.k = t1.k)
UNION ALL
SELECT a, 'in' FROM t1 WHERE k IN (SELECT k FROM t2 WHERE t2.b < t1.a)
---- final
+I[1, exists]
+I[15, exists]
+I[1, not exists]
+I[15, in]
+I[25, in]
