-- A legacy HOP window with a late row: the row at 00:00:03 arrives after the watermark passed
-- 00:00:05 (the end of its first window [-5, 5)), so it is dropped there but counts in [0, 10).
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:06]; +I[a, 5, 2024-01-01 00:00:03]'
);
SELECT item, HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS e, SUM(price) AS total
FROM bids
GROUP BY item, HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND)
---- rows
+I[a, 2024-01-01 00:00:05, 1]
+I[a, 2024-01-01 00:00:10, 8]
+I[a, 2024-01-01 00:00:15, 2]
