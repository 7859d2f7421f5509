-- LEAD and LAG in BATCH mode, over a sorted partition (any ORDER BY): x of the row offset rows after
-- (before), else the default (NULL without one); NULL values count as rows; the default may be a column.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v, d) AS VALUES ('a', 1, 100), ('a', 2, 200), ('a', CAST(NULL AS INT), 300),
  ('a', 4, 400), ('b', 10, 1000), ('b', 20, 2000);
SELECT k, d, v, LEAD(v) OVER w AS next1, LEAD(v, 2, -1) OVER w AS next2, LAG(v) OVER w AS back1,
  LAG(v, 3, d) OVER w AS back3_or_d
FROM t
WINDOW w AS (PARTITION BY k ORDER BY d DESC)
---- rows
+I[a, 400, 4, NULL, 2, NULL, 400]
+I[a, 300, NULL, 2, 1, 4, 300]
+I[a, 200, 2, 1, -1, NULL, 200]
+I[a, 100, 1, NULL, -1, 2, 4]
+I[b, 2000, 20, 10, -1, NULL, 2000]
+I[b, 1000, 10, NULL, -1, 20, 1000]
