-- COLLECT and PERCENTILE merge (they add counts), so a HOP window with them runs sliced: each slice's multiset is
-- merged into the windows that cover it. (A multiset's elements have no order: the test prints the
-- single-element ones and the sizes.)
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:01]; +I[1, 2024-01-01 00:00:03]; +I[2, 2024-01-01 00:00:06]; +I[NULL, 2024-01-01 00:00:07]'
);
SELECT window_start, window_end, COLLECT(price), CARDINALITY(COLLECT(price)), COUNT(*), PERCENTILE(price, 0.5)
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end
HAVING COUNT(*) <> 4
---- rows
+I[2023-12-31 23:59:55, 2024-01-01 00:00:05, {1=2}, 2, 2, 1.0]
+I[2024-01-01 00:00:05, 2024-01-01 00:00:15, {2=1}, 1, 2, 2.0]
