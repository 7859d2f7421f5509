-- A window aggregate over a window aggregate's rows, grouped by the same window_start and
-- window_end, is a window aggregate too (Nexmark q5's largest count per window): its rows come out
-- once per window (+I only) when the watermark passes the window's end, and it can be joined with
-- the counts as an append-only stream.
CREATE TABLE bids (auction INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:01]; +I[2, 2024-01-01 00:00:02]; +I[1, 2024-01-01 00:00:03]; +I[2, 2024-01-01 00:00:06]; +I[3, 2024-01-01 00:00:07]; +I[3, 2024-01-01 00:00:08]; +I[2, 2024-01-01 00:00:09]'
);
CREATE TEMPORARY VIEW counts AS
SELECT auction, window_start, window_end, COUNT(*) AS num
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY auction, window_start, window_end;
SELECT c.window_start, c.auction, c.num
FROM counts AS c
JOIN (SELECT window_start, window_end, MAX(num) AS maxn FROM counts GROUP BY window_start, window_end) AS m
ON c.window_start = m.window_start AND c.window_end = m.window_end AND c.num >= m.maxn
---- rows
+I[2024-01-01 00:00:00, 1, 2]
+I[2024-01-01 00:00:05, 2, 2]
+I[2024-01-01 00:00:05, 3, 2]
