-- A correlated scalar sub-query in the select list is decorrelated as in Flink: its aggregate is grouped
-- by the correlated column and LEFT JOINed on it, so each outer row carries its group's value and is
-- updated when the group changes. Without a group the value is what the aggregate gives on no rows:
-- NULL for MAX, 0 for COUNT (also inside an expression of the sub-query).
CREATE TEMPORARY VIEW t1 (a, k) AS VALUES (1, 'x'), (2, 'y'), (3, 'z'), (4, CAST(NULL AS STRING));
CREATE TABLE t2 (k STRING, b INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[x, 10]; +I[x, 30]; +I[y, 5]; -U[x, 30]; +U[x, 20]; +I[z, 7]; -D[z, 7]; +I[NULL, 1]'
);
SELECT a, k,
  (SELECT MAX(b) FROM t2 WHERE t2.k = t1.k),
  (SELECT COUNT(*) FROM t2 WHERE t2.k = t1.k) + 1,
  (SELECT COUNT(b) * 10 + 1 FROM t2 WHERE t1.k = t2.k AND b > 6)
FROM t1
---- final
+I[1, x, 20, 3, 21]
+I[2, y, 5, 2, 1]
+I[3, z, NULL, 1, 1]
+I[4, NULL, NULL, 1, 1]
