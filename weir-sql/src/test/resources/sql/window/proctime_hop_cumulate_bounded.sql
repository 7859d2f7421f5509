-- Window aggregates over HOP and CUMULATE of a processing-time attribute plan and run (operator
-- ProcTimeWindowAggregate); as in Flink, windows still open when a bounded input ends do not fire (a
-- day-long window cannot end during this test), so the result is empty. Which rows share a window
-- depends on the wall clock; ProcTimeWindowOperatorTest checks the windows' contents on a set clock.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, window_start, COUNT(*) FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(pt), INTERVAL '12' HOUR, INTERVAL '1' DAY))
GROUP BY u, window_start, window_end
UNION ALL
SELECT u, window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '12' HOUR, INTERVAL '1' DAY))
GROUP BY u, window_start, window_end
---- rows
