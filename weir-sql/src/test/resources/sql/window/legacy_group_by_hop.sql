-- The legacy hopping group window: GROUP BY HOP(ts, slide, size) with HOP_START and HOP_END; each
-- row counts in size / slide windows, fired by the watermark like the HOP table function.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[b, 2, 2024-01-01 00:00:04]; +I[a, 3, 2024-01-01 00:00:07]; +I[a, 4, 2024-01-01 00:00:12]'
);
SELECT item, HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS s,
  HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS e, SUM(price) AS total, COUNT(*) AS n
FROM bids
GROUP BY item, HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND)
---- rows
+I[a, 2023-12-31 23:59:55, 2024-01-01 00:00:05, 1, 1]
+I[b, 2023-12-31 23:59:55, 2024-01-01 00:00:05, 2, 1]
+I[a, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 4, 2]
+I[b, 2024-01-01 00:00:00, 2024-01-01 00:00:10, 2, 1]
+I[a, 2024-01-01 00:00:05, 2024-01-01 00:00:15, 7, 2]
+I[a, 2024-01-01 00:00:10, 2024-01-01 00:00:20, 4, 1]
