-- TUMBLE_ROWTIME is a rowtime attribute (the window's end minus 1 ms): a second legacy window over
-- the first's rows adds up its 5 s counts into 10 s windows, fired by the watermark that passes
-- through the first window aggregate.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[b, 2, 2024-01-01 00:00:04]; +I[a, 3, 2024-01-01 00:00:07]; +I[a, 4, 2024-01-01 00:00:12]; +I[b, 5, 2024-01-01 00:00:13]; +I[a, 6, 2024-01-01 00:00:21]'
);
SELECT item, TUMBLE_START(rt, INTERVAL '10' SECOND) AS s, TUMBLE_ROWTIME(rt, INTERVAL '10' SECOND) AS t,
  SUM(n) AS bids, SUM(total) AS total
FROM (
  SELECT item, TUMBLE_ROWTIME(ts, INTERVAL '5' SECOND) AS rt, COUNT(*) AS n, SUM(price) AS total
  FROM bids
  GROUP BY item, TUMBLE(ts, INTERVAL '5' SECOND)
)
GROUP BY item, TUMBLE(rt, INTERVAL '10' SECOND)
---- rows
+I[a, 2024-01-01 00:00:00, 2024-01-01 00:00:09.999, 2, 4]
+I[b, 2024-01-01 00:00:00, 2024-01-01 00:00:09.999, 1, 2]
+I[a, 2024-01-01 00:00:10, 2024-01-01 00:00:19.999, 1, 4]
+I[b, 2024-01-01 00:00:10, 2024-01-01 00:00:19.999, 1, 5]
+I[a, 2024-01-01 00:00:20, 2024-01-01 00:00:29.999, 1, 6]
