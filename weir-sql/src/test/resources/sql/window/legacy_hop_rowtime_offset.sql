-- HOP with an offset (windows of 10 s every 5 s, shifted by 2 s) and HOP_ROWTIME, a rowtime
-- attribute that an OVER aggregate orders by: a running count of windows per item.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 3, 2024-01-01 00:00:07]; +I[a, 4, 2024-01-01 00:00:13]'
);
SELECT item, t, total, COUNT(*) OVER (PARTITION BY item ORDER BY t) AS windows
FROM (
  SELECT item, HOP_ROWTIME(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND, TIME '00:00:02') AS t, SUM(price) AS total
  FROM bids
  GROUP BY item, HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND, TIME '00:00:02')
)
---- rows
+I[a, 2024-01-01 00:00:01.999, 1, 1]
+I[a, 2024-01-01 00:00:06.999, 1, 2]
+I[a, 2024-01-01 00:00:11.999, 3, 3]
+I[a, 2024-01-01 00:00:16.999, 7, 4]
+I[a, 2024-01-01 00:00:21.999, 4, 5]
