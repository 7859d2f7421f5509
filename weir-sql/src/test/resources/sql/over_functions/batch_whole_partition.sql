-- In BATCH mode an aggregate OVER a window without ORDER BY runs over the whole partition; AVG of INT is
-- INT, as in Flink.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2), ('b', 5), ('a', CAST(NULL AS INT));
SELECT k, v, SUM(v) OVER w AS s, COUNT(*) OVER w AS c, AVG(v) OVER w AS av, MIN(v) OVER w AS mn
FROM t
WINDOW w AS (PARTITION BY k)
---- rows
+I[a, 1, 3, 3, 1, 1]
+I[a, 2, 3, 3, 1, 1]
+I[a, NULL, 3, 3, 1, 1]
+I[b, 5, 5, 1, 5, 5]
