-- A TIMESTAMP_LTZ(3) rowtime runs like a TIMESTAMP(3) one (the session time zone is UTC): windows
-- hold its instants, and their bounds are TIMESTAMP(3), as in Flink. (Interval arithmetic on a
-- TIMESTAMP_LTZ, as in "ts - INTERVAL '1' SECOND", does not run yet.)
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (price INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:01]; +I[2, 2024-01-01 00:00:09]; +I[4, 2024-01-01 00:00:12]'
);
SELECT window_start, window_end, SUM(price) AS total
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
---- rows
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, 3]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:20, 4]
