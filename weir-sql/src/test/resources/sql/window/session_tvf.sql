-- The SESSION window table function with PARTITION BY: each item's rows form sessions of their own.
-- A row at t opens [t, t + 5 s); windows that overlap or touch merge. Rows come out when the
-- watermark (ts - 1 s after each row) passes their session's end, with the whole session's bounds.
-- (a, 9) at 00:02 comes when the watermark is 00:16: its session would have ended, so it is dropped.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 4, 2024-01-01 00:00:07]; +I[a, 2, 2024-01-01 00:00:06]; +I[b, 5, 2024-01-01 00:00:09]; +I[a, 3, 2024-01-01 00:00:08]; +I[b, 1, 2024-01-01 00:00:17]; +I[a, 9, 2024-01-01 00:00:02]'
);
SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY item, DESCRIPTOR(ts), INTERVAL '5' SECOND))
---- rows
+I[a, 4, 2024-01-01 00:00:07, 2024-01-01 00:00:06, 2024-01-01 00:00:13, 2024-01-01 00:00:12.999]
+I[a, 2, 2024-01-01 00:00:06, 2024-01-01 00:00:06, 2024-01-01 00:00:13, 2024-01-01 00:00:12.999]
+I[a, 3, 2024-01-01 00:00:08, 2024-01-01 00:00:06, 2024-01-01 00:00:13, 2024-01-01 00:00:12.999]
+I[b, 5, 2024-01-01 00:00:09, 2024-01-01 00:00:09, 2024-01-01 00:00:14, 2024-01-01 00:00:13.999]
+I[b, 1, 2024-01-01 00:00:17, 2024-01-01 00:00:17, 2024-01-01 00:00:22, 2024-01-01 00:00:21.999]
