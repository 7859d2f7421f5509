-- In BATCH mode the ranking and offset functions run in a window of their own: a window that also holds
-- an aggregate (SUM) is refused, saying what to do.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2);
SELECT k, v, LEAD(v) OVER w, SUM(v) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY v)
---- error
LEAD runs in BATCH mode in a window whose calls are all ranking and offset functions
