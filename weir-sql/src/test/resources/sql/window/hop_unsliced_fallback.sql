-- A window aggregate whose aggregates cannot merge runs unsliced, with one copy of a row per window:
-- count_all declares no merge method, and a floating point SUM would round differently summed by
-- slices. The rows and late rows are those of hop_sliced_aggregates.sql, so are the results.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE FUNCTION count_all AS 'io.weir.sql.udf.TestFunctions$CountAll';
CREATE TABLE bids (item STRING, price BIGINT, qty INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 10, 1, 2024-01-01 00:00:11]; +I[b, 20, 2, 2024-01-01 00:00:12]; +I[a, 30, 1, 2024-01-01 00:00:14]; +I[a, 10, 2, 2024-01-01 00:00:16.5]; +I[b, 5, 1, 2024-01-01 00:00:17]; +I[a, 40, 1, 2024-01-01 00:00:22]; +I[a, 7, 3, 2024-01-01 00:00:19]; +I[b, 1, 1, 2024-01-01 00:00:15]; +I[a, 2, 1, 2024-01-01 00:00:23]; +I[b, 20, 3, 2024-01-01 00:00:23.5]'
);
SELECT item, window_start, window_end, count_all(price) AS n, SUM(CAST(price AS DOUBLE)) AS total
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '3' SECOND, INTERVAL '5' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[a, 2024-01-01 00:00:09, 2024-01-01 00:00:14, 1, 10.0]
+I[b, 2024-01-01 00:00:09, 2024-01-01 00:00:14, 1, 20.0]
+I[a, 2024-01-01 00:00:12, 2024-01-01 00:00:17, 2, 40.0]
+I[b, 2024-01-01 00:00:12, 2024-01-01 00:00:17, 1, 20.0]
+I[a, 2024-01-01 00:00:15, 2024-01-01 00:00:20, 1, 10.0]
+I[b, 2024-01-01 00:00:15, 2024-01-01 00:00:20, 1, 5.0]
+I[a, 2024-01-01 00:00:18, 2024-01-01 00:00:23, 2, 47.0]
+I[a, 2024-01-01 00:00:21, 2024-01-01 00:00:26, 2, 42.0]
+I[b, 2024-01-01 00:00:21, 2024-01-01 00:00:26, 1, 20.0]
