-- Flink's array functions with their NULL semantics: a NULL array gives NULL (ARRAY_APPEND and
-- ARRAY_REMOVE take a NULL element as an element); positions count from 1; the set functions
-- (DISTINCT, UNION, EXCEPT, INTERSECT) keep the first occurrence of each element, in order.
CREATE TEMPORARY VIEW t (id, a, b) AS VALUES
  (1, ARRAY[3, 1, 3, 2], ARRAY[2, 5]),
  (2, ARRAY[4, CAST(NULL AS INT), 4], ARRAY[CAST(NULL AS INT)]),
  (3, CAST(NULL AS ARRAY<INT>), ARRAY[1]);
SELECT id, ARRAY_APPEND(a, 9), ARRAY_PREPEND(a, CAST(NULL AS INT)), ARRAY_CONCAT(a, b), ARRAY_DISTINCT(a),
       ARRAY_POSITION(a, 3), ARRAY_REMOVE(a, CAST(NULL AS INT)), ARRAY_REVERSE(a), ARRAY_UNION(a, b),
       ARRAY_EXCEPT(a, b), ARRAY_INTERSECT(a, b), ARRAY_MAX(a), ARRAY_MIN(a)
FROM t
---- rows
+I[1, [3, 1, 3, 2, 9], [null, 3, 1, 3, 2], [3, 1, 3, 2, 2, 5], [3, 1, 2], 1, [3, 1, 3, 2], [2, 3, 1, 3], [3, 1, 2, 5], [3, 1], [2], 3, 1]
+I[2, [4, null, 4, 9], [null, 4, null, 4], [4, null, 4, null], [4, null], 0, [4, 4], [4, null, 4], [4, null], [4], [null], 4, 4]
+I[3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]
