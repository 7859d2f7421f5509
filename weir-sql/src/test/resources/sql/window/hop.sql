-- HOP(slide 5 s, size 10 s): every row is in two windows.
CREATE TABLE bids (item STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 2024-01-01 00:00:01]; +I[a, 2024-01-01 00:00:04]; +I[b, 2024-01-01 00:00:06]; +I[a, 2024-01-01 00:00:12]'
);
SELECT window_start, window_end, item, COUNT(*) AS n
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end, item
---- rows
+I[2023-12-31 23:59:55, 2024-01-01 00:00:05, a, 2]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, a, 2]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, b, 1]
+I[2024-01-01 00:00:05, 2024-01-01 00:00:15, a, 1]
+I[2024-01-01 00:00:05, 2024-01-01 00:00:15, b, 1]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:20, a, 1]
