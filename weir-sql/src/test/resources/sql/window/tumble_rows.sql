-- The window table function alone: each row with its window's start, end and time (end - 1 ms).
CREATE TABLE bids (item STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 2024-01-01 00:00:01]; +I[b, 2024-01-01 00:01:30]'
);
SELECT item, window_start, window_end, window_time FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
---- rows
+I[a, 2024-01-01 00:00:00, 2024-01-01 00:01:00, 2024-01-01 00:00:59.999]
+I[b, 2024-01-01 00:01:00, 2024-01-01 00:02:00, 2024-01-01 00:01:59.999]
