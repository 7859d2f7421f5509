-- A legacy SESSION window over processing time is not supported yet; the error says what runs.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, COUNT(*) FROM clicks GROUP BY u, SESSION(pt, INTERVAL '10' SECOND)
---- error
SESSION over a processing-time attribute (PROCTIME()) is not supported by Weir yet
