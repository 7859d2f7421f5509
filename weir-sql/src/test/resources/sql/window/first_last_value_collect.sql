-- FIRST_VALUE, LAST_VALUE and COLLECT in window aggregates: the first and last non-null value in
-- arrival order per window (these windows run unsliced, as the two do not merge), and the window's
-- multiset of values (its size: a multiset's elements have no order).
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, NULL, 2024-01-01 00:00:01]; +I[a, 3, 2024-01-01 00:00:02]; +I[b, 1, 2024-01-01 00:00:03];
            +I[a, 5, 2024-01-01 00:00:04]; +I[a, 3, 2024-01-01 00:00:06]; +I[b, NULL, 2024-01-01 00:00:07];
            +I[a, 9, 2024-01-01 00:00:11]'
);
SELECT item, window_start, window_end, FIRST_VALUE(price), LAST_VALUE(price), CARDINALITY(COLLECT(price))
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[a, 2023-12-31 23:59:55, 2024-01-01 00:00:05, 3, 5, 2]
+I[b, 2023-12-31 23:59:55, 2024-01-01 00:00:05, 1, 1, 1]
+I[a, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 3, 3, 3]
+I[b, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 1, 1, 1]
+I[a, 2024-01-01 00:00:05, 2024-01-01 00:00:15, 3, 9, 2]
+I[b, 2024-01-01 00:00:05, 2024-01-01 00:00:15, NULL, NULL, 0]
+I[a, 2024-01-01 00:00:10, 2024-01-01 00:00:20, 9, 9, 1]
