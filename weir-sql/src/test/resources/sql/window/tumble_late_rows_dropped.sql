-- A tumbling window fires once the watermark (here the largest ts minus 1 s, after every row)
-- passes its end. Rows for windows that have fired are late and dropped: (a, 100) at 00:02 and
-- (b, 5) at 00:09 arrive after the watermark reached 00:11.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[b, 2, 2024-01-01 00:00:04]; +I[a, 3, 2024-01-01 00:00:07]; +I[a, 4, 2024-01-01 00:00:12]; +I[a, 100, 2024-01-01 00:00:02]; +I[b, 5, 2024-01-01 00:00:09]'
);
SELECT window_start, window_end, item, COUNT(*) AS n, SUM(price) AS total
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY window_start, window_end, item
---- rows
+I[2024-01-01 00:00:00, 2024-01-01 00:00:05, a, 1, 1]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:05, b, 1, 2]
+I[2024-01-01 00:00:05, 2024-01-01 00:00:10, a, 1, 3]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:15, a, 1, 4]
