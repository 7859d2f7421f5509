-- As in Flink, GROUPING SETS, ROLLUP and CUBE do not run over SESSION(TABLE ...) of a processing
-- time: a session window aggregate groups by exactly its PARTITION BY keys (Flink then plans the
-- aggregate as a regular one over the window table function, which over processing time it refuses).
CREATE TABLE clicks (u STRING, v STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, v, window_start, COUNT(*)
FROM TABLE(SESSION(TABLE clicks PARTITION BY u, DESCRIPTOR(pt), INTERVAL '1' DAY))
GROUP BY window_start, window_end, u, ROLLUP (v)
---- error
at line 7, column 1: GROUPING SETS, ROLLUP and CUBE over SESSION(TABLE ..., DESCRIPTOR(pt), gap) of a processing-time attribute do not run, as in Flink
GROUP BY window_start, window_end, u, ROLLUP (v)
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
