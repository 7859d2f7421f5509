-- GROUPING SETS, ROLLUP and CUBE over a window table function, as in Flink: the window bounds are
-- in every set (GROUP BY window_start, window_end, ROLLUP (...)); the rows are expanded per set
-- before the window aggregate, which emits each window's rows, append-only, when the watermark
-- passes its end. GROUPING_ID and GROUP_ID run too.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (supplier STRING, item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[s1, a, 1, 2024-01-01 00:00:01]; +I[s1, b, 2, 2024-01-01 00:00:03]; +I[s2, a, 4, 2024-01-01 00:00:05];
            +I[s1, a, 8, 2024-01-01 00:00:12]'
);
SELECT window_start, window_end, supplier, item, SUM(price) AS total, GROUPING_ID(supplier, item) AS gid,
       GROUP_ID() AS g
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, ROLLUP (supplier, item)
---- rows
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, s1, a, 1, 0, 0]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, s1, b, 2, 0, 0]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, s2, a, 4, 0, 0]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, s1, NULL, 3, 1, 0]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, s2, NULL, 4, 1, 0]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, NULL, NULL, 7, 3, 0]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:20, s1, a, 8, 0, 0]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:20, s1, NULL, 8, 1, 0]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:20, NULL, NULL, 8, 3, 0]
