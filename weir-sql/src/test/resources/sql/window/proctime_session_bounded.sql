-- SESSION over a processing-time attribute plans and runs, as a legacy GROUP BY window, as a window
-- table function under a window aggregate (operator ProcTimeSessionWindowAggregate) and selected
-- from on its own (operator SESSION): a row joins its partition's session by the operator's clock
-- when it arrives. As in Flink, sessions still
-- open when a bounded input ends do not fire (a day-long gap cannot pass during this test), so the
-- result is empty; ProcTimeSessionWindowOperatorTest checks the sessions' contents on a set clock.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, SESSION_START(pt, INTERVAL '1' DAY) AS s, SESSION_END(pt, INTERVAL '1' DAY) AS e, COUNT(*) AS n
FROM clicks GROUP BY u, SESSION(pt, INTERVAL '1' DAY)
UNION ALL
SELECT u, CAST(window_start AS TIMESTAMP_LTZ(3)), CAST(window_time AS TIMESTAMP_LTZ(3)), COUNT(*)
FROM TABLE(SESSION(TABLE clicks PARTITION BY u, DESCRIPTOR(pt), INTERVAL '1' DAY))
GROUP BY u, window_start, window_end, window_time
UNION ALL
SELECT u, CAST(window_start AS TIMESTAMP_LTZ(3)), CAST(window_end AS TIMESTAMP_LTZ(3)), 1
FROM TABLE(SESSION(TABLE clicks PARTITION BY u, DESCRIPTOR(pt), INTERVAL '1' DAY))
---- rows
