-- Processing-time windows with an offset (TUMBLE/HOP/CUMULATE's last argument) and with grouping sets
-- (the window in every set, Expand before the window aggregate) plan and run; as in Flink, windows
-- still open when a bounded input ends do not fire, so the result is empty. ProcTimeWindowOperatorTest
-- checks the windows' contents on a set clock.
CREATE TABLE clicks (u STRING, v STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, v, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '1' DAY, INTERVAL '-8' HOUR))
GROUP BY window_start, window_end, ROLLUP (u, v)
UNION ALL
SELECT u, v, window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '12' HOUR, INTERVAL '1' DAY, INTERVAL '1' HOUR))
GROUP BY u, v, window_start, window_end
UNION ALL
SELECT u, v, CAST(TUMBLE_START(pt, INTERVAL '1' DAY) AS TIMESTAMP(3)), COUNT(*) FROM clicks
GROUP BY TUMBLE(pt, INTERVAL '1' DAY), CUBE (u, v)
UNION ALL
SELECT u, CAST(NULL AS STRING), CAST(SESSION_START(pt, INTERVAL '1' DAY) AS TIMESTAMP(3)), COUNT(*) FROM clicks
GROUP BY SESSION(pt, INTERVAL '1' DAY), GROUPING SETS ((u), ())
---- rows
