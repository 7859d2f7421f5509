-- CUMULATE(step 2 s, size 6 s) runs sliced: each row goes to its 2 s step, and the window ending at
-- each step merges the steps of its period so far. (a, 7) at 00:19 comes when the watermark is
-- 00:21: too late for [00:18, 00:20) but in time for [00:18, 00:22) and [00:18, 00:24); (b, 1) at
-- 00:15 is late for all of its windows and dropped.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE FUNCTION weighted_avg AS 'io.weir.sql.udf.TestFunctions$WeightedAvg';
CREATE TABLE bids (item STRING, price BIGINT, qty INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 10, 1, 2024-01-01 00:00:11]; +I[b, 20, 2, 2024-01-01 00:00:12]; +I[a, 30, 1, 2024-01-01 00:00:14]; +I[a, 10, 2, 2024-01-01 00:00:16.5]; +I[b, 5, 1, 2024-01-01 00:00:17]; +I[a, 40, 1, 2024-01-01 00:00:22]; +I[a, 7, 3, 2024-01-01 00:00:19]; +I[b, 1, 1, 2024-01-01 00:00:15]; +I[a, 2, 1, 2024-01-01 00:00:23]; +I[b, 20, 3, 2024-01-01 00:00:23.5]'
);
SELECT item, window_start, window_end, COUNT(*) AS n, SUM(price) AS total, MIN(price) AS low, MAX(price) AS high,
  AVG(price) AS mean, COUNT(DISTINCT price) AS prices, SUM(price) FILTER (WHERE qty > 1) AS bulk,
  weighted_avg(price, qty) AS weighted
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '6' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[a, 2024-01-01 00:00:06, 2024-01-01 00:00:12, 1, 10, 10, 10, 10, 1, NULL, 10]
+I[b, 2024-01-01 00:00:12, 2024-01-01 00:00:14, 1, 20, 20, 20, 20, 1, 20, 20]
+I[a, 2024-01-01 00:00:12, 2024-01-01 00:00:16, 1, 30, 30, 30, 30, 1, NULL, 30]
+I[b, 2024-01-01 00:00:12, 2024-01-01 00:00:16, 1, 20, 20, 20, 20, 1, 20, 20]
+I[a, 2024-01-01 00:00:12, 2024-01-01 00:00:18, 2, 40, 10, 30, 20, 2, 10, 16]
+I[b, 2024-01-01 00:00:12, 2024-01-01 00:00:18, 2, 25, 5, 20, 12, 2, 20, 15]
+I[a, 2024-01-01 00:00:18, 2024-01-01 00:00:22, 1, 7, 7, 7, 7, 1, 7, 7]
+I[a, 2024-01-01 00:00:18, 2024-01-01 00:00:24, 3, 49, 2, 40, 16, 3, 7, 12]
+I[b, 2024-01-01 00:00:18, 2024-01-01 00:00:24, 1, 20, 20, 20, 20, 1, 20, 20]
