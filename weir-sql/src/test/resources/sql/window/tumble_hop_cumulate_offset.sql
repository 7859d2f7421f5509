-- Window table functions take an offset as their last argument, as in Flink: the windows are shifted
-- from the epoch by it (TUMBLE's and CUMULATE's by their size, HOP's by its slide; negative offsets
-- too). TUMBLE(1 min, offset 15 s) has [00:00:15, 00:01:15), ...; HOP(slide 30 s, size 1 min,
-- offset -10 s) has windows starting at :20 and :50; CUMULATE(step 30 s, size 1 min, offset 15 s) grows
-- from :15. Such window aggregates run unsliced.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:10]; +I[2, 2024-01-01 00:00:20]; +I[4, 2024-01-01 00:01:14]; +I[8, 2024-01-01 00:01:20]'
);
SELECT 'T' AS f, window_start, window_end, SUM(price) AS total
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '15' SECOND))
GROUP BY window_start, window_end
UNION ALL
SELECT 'H' AS f, window_start, window_end, SUM(price) AS total
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE, INTERVAL '-10' SECOND))
GROUP BY window_start, window_end
UNION ALL
SELECT 'C' AS f, window_start, window_end, SUM(price) AS total
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE, INTERVAL '15' SECOND))
GROUP BY window_start, window_end
---- rows
+I[T, 2023-12-31 23:59:15, 2024-01-01 00:00:15, 1]
+I[T, 2024-01-01 00:00:15, 2024-01-01 00:01:15, 6]
+I[T, 2024-01-01 00:01:15, 2024-01-01 00:02:15, 8]
+I[H, 2023-12-31 23:59:20, 2024-01-01 00:00:20, 1]
+I[H, 2023-12-31 23:59:50, 2024-01-01 00:00:50, 3]
+I[H, 2024-01-01 00:00:20, 2024-01-01 00:01:20, 6]
+I[H, 2024-01-01 00:00:50, 2024-01-01 00:01:50, 12]
+I[H, 2024-01-01 00:01:20, 2024-01-01 00:02:20, 8]
+I[C, 2023-12-31 23:59:15, 2024-01-01 00:00:15, 1]
+I[C, 2024-01-01 00:00:15, 2024-01-01 00:00:45, 2]
+I[C, 2024-01-01 00:00:15, 2024-01-01 00:01:15, 6]
+I[C, 2024-01-01 00:01:15, 2024-01-01 00:01:45, 8]
+I[C, 2024-01-01 00:01:15, 2024-01-01 00:02:15, 8]
