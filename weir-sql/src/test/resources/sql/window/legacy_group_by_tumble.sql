-- The legacy group window: GROUP BY TUMBLE(ts, size) with TUMBLE_START and TUMBLE_END, fired by
-- the watermark like the TUMBLE table function.
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[b, 2, 2024-01-01 00:00:04]; +I[a, 3, 2024-01-01 00:00:07]; +I[a, 4, 2024-01-01 00:00:12]'
);
SELECT item, TUMBLE_START(ts, INTERVAL '5' SECOND) AS s, TUMBLE_END(ts, INTERVAL '5' SECOND) AS e, SUM(price) AS total
FROM bids
GROUP BY item, TUMBLE(ts, INTERVAL '5' SECOND)
---- rows
+I[a, 2024-01-01 00:00:00, 2024-01-01 00:00:05, 1]
+I[b, 2024-01-01 00:00:00, 2024-01-01 00:00:05, 2]
+I[a, 2024-01-01 00:00:05, 2024-01-01 00:00:10, 3]
+I[a, 2024-01-01 00:00:10, 2024-01-01 00:00:15, 4]
