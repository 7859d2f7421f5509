-- Window deduplication: rn = 1 ordered by the time column keeps each window's last row per item
-- (ORDER BY ts DESC) or its first (ORDER BY ts); here the last, in 5 s HOP windows.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:03]; +I[b, 3, 2024-01-01 00:00:04]; +I[a, 4, 2024-01-01 00:00:06]'
);
SELECT window_start, window_end, item, price FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, item ORDER BY ts DESC) AS rn
  FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
) WHERE rn = 1
---- rows
+I[2023-12-31 23:59:55, 2024-01-01 00:00:05, a, 2]
+I[2023-12-31 23:59:55, 2024-01-01 00:00:05, b, 3]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, a, 4]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, b, 3]
+I[2024-01-01 00:00:05, 2024-01-01 00:00:15, a, 4]
