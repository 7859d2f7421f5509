-- CURRENT_WATERMARK(rowtime): the Calc's current watermark (TIMESTAMP(3) like the rowtime), NULL before the
-- first; Flink's documented filter drops the late rows. With 'pipeline.auto-watermark-interval' = '0' a
-- watermark (ts - 1 s) follows every row: rows 3 (11 s, watermark 11 s), 5 and 6 are late.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE events (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:10]; +I[2, 2024-01-01 00:00:12]; +I[3, 2024-01-01 00:00:11]; +I[4, 2024-01-01 00:00:13]; +I[5, 2024-01-01 00:00:09]; +I[6, 2024-01-01 00:00:11.5]'
);
SELECT id, ts, CURRENT_WATERMARK(ts) FROM events WHERE CURRENT_WATERMARK(ts) IS NULL OR ts > CURRENT_WATERMARK(ts)
---- rows
+I[1, 2024-01-01 00:00:10, NULL]
+I[2, 2024-01-01 00:00:12, 2024-01-01 00:00:09]
+I[4, 2024-01-01 00:00:13, 2024-01-01 00:00:11]
