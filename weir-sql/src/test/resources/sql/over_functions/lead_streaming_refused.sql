-- LEAD needs the rows after the current one: Flink's streaming mode refuses it with this message, and so
-- does Weir, at the call's place, saying what to do.
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values', 'data' = '+I[a, 1, 2024-01-01 00:00:01]');
SELECT k, v,
  LEAD(v) OVER (PARTITION BY k ORDER BY ts) FROM t
---- error
line 5, column 3: LEAD Function is not supported in stream mode (as in Flink: LEAD needs rows that come after the current one, which an unbounded stream never has); run the query in BATCH mode over bounded input (EnvironmentSettings.inBatchMode(), or SET 'execution.runtime-mode' = 'batch'), or use LAG, which runs in streaming mode
  LEAD(v) OVER (PARTITION BY k ORDER BY ts) FROM t
  ^^^^^^^
