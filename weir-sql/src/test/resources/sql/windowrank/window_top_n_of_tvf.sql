-- Window Top-N straight over a window table function: per 10 s window and item, the two highest bids.
-- (b, 9) at 00:03 comes after the watermark passed 00:10, so its window has fired: it is dropped.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 4, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[b, 5, 2024-01-01 00:00:03]; +I[a, 7, 2024-01-01 00:00:04]; +I[b, 1, 2024-01-01 00:00:05]; +I[a, 6, 2024-01-01 00:00:12]; +I[b, 9, 2024-01-01 00:00:03]'
);
SELECT item, price, window_start, window_end, rn FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, item ORDER BY price DESC) AS rn
  FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
) WHERE rn <= 2
---- rows
+I[a, 7, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 1]
+I[a, 4, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 2]
+I[b, 5, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 1]
+I[b, 1, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 2]
+I[a, 6, 2024-01-01 00:00:10, 2024-01-01 00:00:20, 1]
