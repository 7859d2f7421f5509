-- NTILE, CUME_DIST and PERCENT_RANK need the size of the whole partition: refused in streaming mode with
-- Flink's message, at the first such call.
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values', 'data' = '+I[a, 1, 2024-01-01 00:00:01]');
SELECT k, v, CUME_DIST() OVER w AS cd, NTILE(2) OVER w AS tile FROM t WINDOW w AS (PARTITION BY k ORDER BY ts)
---- error
line 5, column 14: CUME_DIST Function is not supported in stream mode (as in Flink: CUME_DIST needs the size of the whole partition, which an unbounded stream never has); run the query in BATCH mode over bounded input (EnvironmentSettings.inBatchMode(), or SET 'execution.runtime-mode' = 'batch')
SELECT k, v, CUME_DIST() OVER w AS cd, NTILE(2) OVER w AS tile FROM t WINDOW w AS (PARTITION BY k ORDER BY ts)
             ^^^^^^^^^^^
