-- SESSION over a processing-time attribute runs under a window aggregate; on its own it is refused
-- with a message saying what runs.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, window_start FROM TABLE(SESSION(TABLE clicks PARTITION BY u, DESCRIPTOR(pt), INTERVAL '10' SECOND))
---- error
runs as a window aggregate (GROUP BY window_start, window_end, ...); Weir does not run it on its own yet
