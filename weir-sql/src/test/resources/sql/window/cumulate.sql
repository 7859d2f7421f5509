-- CUMULATE(step 2 s, size 6 s): windows [0, 2), [0, 4), [0, 6) grow within each 6 s period.
CREATE TABLE bids (price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:01]; +I[2, 2024-01-01 00:00:03]; +I[3, 2024-01-01 00:00:05]; +I[4, 2024-01-01 00:00:07]'
);
SELECT window_start, window_end, SUM(price) AS total
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '6' SECOND))
GROUP BY window_start, window_end
---- rows
+I[2024-01-01 00:00:00, 2024-01-01 00:00:02, 1]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:04, 3]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:06, 6]
+I[2024-01-01 00:00:06, 2024-01-01 00:00:08, 4]
+I[2024-01-01 00:00:06, 2024-01-01 00:00:10, 4]
+I[2024-01-01 00:00:06, 2024-01-01 00:00:12, 4]
