-- ROW_NUMBER, RANK and DENSE_RANK outside the Top-N pattern run in streaming mode over a time order,
-- as in Flink's OVER aggregates: ROW_NUMBER numbers the rows in time order (rows of one time in arrival
-- order; its frame is ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW). At the end of the bounded input
-- the final watermark emits the rows still held.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[b, 10, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:02]; +I[a, 4, 2024-01-01 00:00:04]; +I[b, 20, 2024-01-01 00:00:05]; +I[a, 0, 2024-01-01 00:00:09]'
);
SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn
FROM t
---- rows
+I[a, 1, 1]
+I[a, 2, 2]
+I[a, 3, 3]
+I[a, 4, 4]
+I[b, 10, 1]
+I[b, 20, 2]
+I[a, 0, 5]
