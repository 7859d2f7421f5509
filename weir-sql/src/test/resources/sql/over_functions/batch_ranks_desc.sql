-- BATCH mode, ORDER BY several columns, one descending (NULLs last descending, as in Flink), and the whole
-- input as one partition (no PARTITION BY).
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 10), ('b', 20), ('a', 20), ('c', CAST(NULL AS INT)), ('b', 10);
SELECT k, v, RANK() OVER w AS r, DENSE_RANK() OVER w AS dr, ROW_NUMBER() OVER w AS rn
FROM t
WINDOW w AS (ORDER BY v DESC, k)
---- rows
+I[a, 20, 1, 1, 1]
+I[b, 20, 2, 2, 2]
+I[a, 10, 3, 3, 3]
+I[b, 10, 4, 4, 4]
+I[c, NULL, 5, 5, 5]
