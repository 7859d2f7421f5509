-- A window aggregate with grouping sets needs the window in every set.
CREATE TABLE bids (supplier STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values', 'data' = '+I[s1, 1, 2024-01-01 00:00:01]'
);
SELECT window_start, window_end, supplier, SUM(price)
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY GROUPING SETS ((window_start, window_end, supplier), (supplier))
---- error
needs the window in every grouping set
