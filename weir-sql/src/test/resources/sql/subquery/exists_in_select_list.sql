-- EXISTS in the select list (correlated or not) and under OR in WHERE: COUNT(*) > 0 of the sub-query's
-- rows, joined like a scalar sub-query, so it turns TRUE or FALSE as the sub-query's rows come and go.
CREATE TEMPORARY VIEW t1 (a, k) AS VALUES (1, 'x'), (2, 'y'), (3, 'z');
CREATE TABLE t2 (k STRING, b INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[x, 10]; +I[y, 5]; +I[x, 30]; -D[y, 5]; +I[z, 1]; -D[z, 1]; +I[z, 2]'
);
SELECT a, k,
  EXISTS (SELECT 1 FROM t2 WHERE t2.k = t1.k),
  NOT EXISTS (SELECT 1 FROM t2 WHERE t2.k = t1.k AND b > 6),
  EXISTS (SELECT 1 FROM t2 WHERE b > 20)
FROM t1
WHERE a = 1 OR EXISTS (SELECT 1 FROM t2 WHERE t2.k = t1.k)
---- final
+I[1, x, TRUE, FALSE, TRUE]
+I[3, z, TRUE, TRUE, TRUE]
