-- A window aggregate over HOP(TABLE ...) of a processing-time attribute is not supported yet
-- (TUMBLE is); the error says what runs.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, window_start, COUNT(*) FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(pt), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY u, window_start, window_end
---- error
HOP over a processing-time attribute (PROCTIME()) is not supported by Weir yet
