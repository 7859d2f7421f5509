-- IN (sub-query) in the select list and under OR, with SQL's three-valued result: TRUE when a value
-- equals x, else NULL when x is NULL or the sub-query holds a NULL, else FALSE (FALSE on no rows).
-- NOT IN negates it. The sub-query's rows come and go (a changelog source).
CREATE TEMPORARY VIEW t1 (a, x) AS VALUES (1, 10), (2, 20), (3, CAST(NULL AS INT)), (4, 40);
CREATE TABLE t2 (k STRING, y INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[p, 10]; +I[p, 30]; +I[q, NULL]; +I[r, 20]; -D[r, 20]; +I[r, 40]; -D[q, NULL]'
);
CREATE TABLE t3 (y INT) WITH ('connector' = 'values', 'data' = '+I[10]; +I[NULL]');
SELECT a, x,
  x IN (SELECT y FROM t2),
  x NOT IN (SELECT y FROM t2),
  x IN (SELECT y FROM t3),
  x IN (SELECT y FROM t2 WHERE y > 100)
FROM t1
WHERE a = 3 OR x IN (SELECT y FROM t2 WHERE k = 'p') OR x IN (SELECT y FROM t3)
---- final
+I[1, 10, TRUE, FALSE, TRUE, FALSE]
+I[3, NULL, NULL, NULL, NULL, FALSE]
