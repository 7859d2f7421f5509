-- A legacy TUMBLE over processing time plans and runs; as in Flink, windows still open when a
-- bounded input ends do not fire (a day-long window cannot end during this test), so the result
-- is empty. Which rows share a window depends on the wall clock; ProcTimeWindowOperatorTest and
-- Nexmark q12's test (weir-bench) check the windows' contents.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, TUMBLE_START(pt, INTERVAL '1' DAY) AS s, COUNT(*) AS n FROM clicks GROUP BY u, TUMBLE(pt, INTERVAL '1' DAY)
---- rows
