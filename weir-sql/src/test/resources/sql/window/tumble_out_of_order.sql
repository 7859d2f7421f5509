-- Rows out of order within the watermark's delay (5 s) still count; the last windows fire when
-- the input ends (the final watermark). The window columns need not be selected.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:09]; +I[a, 2, 2024-01-01 00:00:05]; +I[b, 3, 2024-01-01 00:00:11]; +I[a, 4, 2024-01-01 00:00:08]; +I[a, 5, 2024-01-01 00:00:13]'
);
SELECT item, MAX(price) AS top, AVG(price) AS mean
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[a, 4, 2]
+I[b, 3, 3]
+I[a, 5, 5]
