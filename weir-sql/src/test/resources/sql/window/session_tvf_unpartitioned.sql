-- SESSION without PARTITION BY: all rows form sessions together, so b's row at 00:09 extends the
-- session a's rows opened. Grouping by item as well splits each session's result by item.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 4, 2024-01-01 00:00:07]; +I[a, 2, 2024-01-01 00:00:06]; +I[b, 5, 2024-01-01 00:00:09]; +I[a, 3, 2024-01-01 00:00:08]; +I[b, 1, 2024-01-01 00:00:17]'
);
SELECT window_start, window_end, item, SUM(price) AS total
FROM TABLE(SESSION(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY window_start, window_end, item
---- rows
+I[2024-01-01 00:00:06, 2024-01-01 00:00:14, a, 9]
+I[2024-01-01 00:00:06, 2024-01-01 00:00:14, b, 5]
+I[2024-01-01 00:00:17, 2024-01-01 00:00:22, b, 1]
