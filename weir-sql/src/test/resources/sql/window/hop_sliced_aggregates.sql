-- HOP(slide 3 s, size 5 s) runs sliced: every row goes to one 1 s slice (the gcd of slide and size),
-- and each window merges its five slices. COUNT, SUM, MIN, MAX, AVG, COUNT(DISTINCT), FILTER and a
-- user-defined aggregate with merge all merge. The watermark (ts - 1 s after each row) makes (a, 7)
-- at 00:19 late for [00:15, 00:20) but not for [00:18, 00:23), and (b, 1) at 00:15 late for both of
-- its windows: it is dropped.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE FUNCTION weighted_avg AS 'io.weir.sql.udf.TestFunctions$WeightedAvg';
CREATE TABLE bids (item STRING, price BIGINT, qty INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 10, 1, 2024-01-01 00:00:11]; +I[b, 20, 2, 2024-01-01 00:00:12]; +I[a, 30, 1, 2024-01-01 00:00:14]; +I[a, 10, 2, 2024-01-01 00:00:16.5]; +I[b, 5, 1, 2024-01-01 00:00:17]; +I[a, 40, 1, 2024-01-01 00:00:22]; +I[a, 7, 3, 2024-01-01 00:00:19]; +I[b, 1, 1, 2024-01-01 00:00:15]; +I[a, 2, 1, 2024-01-01 00:00:23]; +I[b, 20, 3, 2024-01-01 00:00:23.5]'
);
SELECT item, window_start, window_end, COUNT(*) AS n, SUM(price) AS total, MIN(price) AS low, MAX(price) AS high,
  AVG(price) AS mean, COUNT(DISTINCT price) AS prices, SUM(price) FILTER (WHERE qty > 1) AS bulk,
  weighted_avg(price, qty) AS weighted
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '3' SECOND, INTERVAL '5' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[a, 2024-01-01 00:00:09, 2024-01-01 00:00:14, 1, 10, 10, 10, 10, 1, NULL, 10]
+I[b, 2024-01-01 00:00:09, 2024-01-01 00:00:14, 1, 20, 20, 20, 20, 1, 20, 20]
+I[a, 2024-01-01 00:00:12, 2024-01-01 00:00:17, 2, 40, 10, 30, 20, 2, 10, 16]
+I[b, 2024-01-01 00:00:12, 2024-01-01 00:00:17, 1, 20, 20, 20, 20, 1, 20, 20]
+I[a, 2024-01-01 00:00:15, 2024-01-01 00:00:20, 1, 10, 10, 10, 10, 1, 10, 10]
+I[b, 2024-01-01 00:00:15, 2024-01-01 00:00:20, 1, 5, 5, 5, 5, 1, NULL, 5]
+I[a, 2024-01-01 00:00:18, 2024-01-01 00:00:23, 2, 47, 7, 40, 23, 2, 7, 15]
+I[a, 2024-01-01 00:00:21, 2024-01-01 00:00:26, 2, 42, 2, 40, 21, 2, NULL, 21]
+I[b, 2024-01-01 00:00:21, 2024-01-01 00:00:26, 1, 20, 20, 20, 20, 1, 20, 20]
