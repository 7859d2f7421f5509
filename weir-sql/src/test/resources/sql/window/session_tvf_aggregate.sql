-- A window aggregate over SESSION with PARTITION BY: one row per item and session, when the
-- watermark passes the session's end.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 4, 2024-01-01 00:00:07]; +I[a, 2, 2024-01-01 00:00:06]; +I[b, 5, 2024-01-01 00:00:09]; +I[a, 3, 2024-01-01 00:00:08]; +I[b, 1, 2024-01-01 00:00:17]'
);
SELECT window_start, window_end, item, SUM(price) AS total, COUNT(*) AS n
FROM TABLE(SESSION(TABLE bids PARTITION BY (item), DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[2024-01-01 00:00:06, 2024-01-01 00:00:13, a, 9, 3]
+I[2024-01-01 00:00:09, 2024-01-01 00:00:14, b, 5, 1]
+I[2024-01-01 00:00:17, 2024-01-01 00:00:22, b, 1, 1]
