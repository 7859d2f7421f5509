-- Sub-queries correlated by a condition that is no equality (t2.b < t1.a), decorrelated as Flink does:
-- the distinct outer values are joined with the sub-query's rows on the condition and grouped by them.
-- Scalar (COUNT gives 0 for no rows, MAX NULL), EXISTS and IN in the select list, and EXISTS in WHERE.
CREATE TEMPORARY VIEW t1 (a, k) AS VALUES (1, 'x'), (15, 'x'), (25, 'y'), (15, 'y'), (CAST(NULL AS INT), 'x');
CREATE TABLE t2 (b INT, k STRING) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[10, x]; +I[20, y]; +I[5, y]; -D[5, y]; +I[12, x]'
);
SELECT a, k,
  (SELECT COUNT(*) FROM t2 WHERE t2.b < t1.a),
  (SELECT MAX(b) FROM t2 WHERE t2.b < t1.a AND t2.k = t1.k),
  EXISTS (SELECT 1 FROM t2 WHERE t2.b > t1.a),
  12 IN (SELECT b FROM t2 WHERE t2.b <= t1.a)
FROM t1
WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.b >= t1.a) OR a IS NULL
---- final
+I[1, x, 0, NULL, TRUE, FALSE]
+I[15, x, 2, 12, TRUE, TRUE]
+I[15, y, 2, NULL, TRUE, TRUE]
+I[NULL, x, 0, NULL, FALSE, FALSE]
