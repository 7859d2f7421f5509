-- A legacy window's TUMBLE_ROWTIME is a rowtime attribute for a window table function too: the
-- 5 s counts are added up per 10 s TUMBLE(TABLE ...) window.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 3, 2024-01-01 00:00:07]; +I[a, 4, 2024-01-01 00:00:12]; +I[a, 6, 2024-01-01 00:00:21]'
);
CREATE TEMPORARY VIEW counts AS
SELECT item, TUMBLE_ROWTIME(ts, INTERVAL '5' SECOND) AS rt, COUNT(*) AS n
FROM bids GROUP BY item, TUMBLE(ts, INTERVAL '5' SECOND);
SELECT item, window_start, window_end, SUM(n) AS bids
FROM TABLE(TUMBLE(TABLE counts, DESCRIPTOR(rt), INTERVAL '10' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[a, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 2]
+I[a, 2024-01-01 00:00:10, 2024-01-01 00:00:20, 1]
+I[a, 2024-01-01 00:00:20, 2024-01-01 00:00:30, 1]
