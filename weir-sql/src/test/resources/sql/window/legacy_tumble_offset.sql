-- TUMBLE's offset: TUMBLE(ts, INTERVAL '1' HOUR, TIME '00:12:00') has windows [00:12, 01:12),
-- [01:12, 02:12), ...; TUMBLE_START and TUMBLE_END take the same arguments.
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:05:00]; +I[a, 2, 2024-01-01 00:12:00]; +I[a, 3, 2024-01-01 01:11:59.999]; +I[a, 4, 2024-01-01 01:12:00]'
);
SELECT item, TUMBLE_START(ts, INTERVAL '1' HOUR, TIME '00:12:00') AS s,
  TUMBLE_END(ts, INTERVAL '1' HOUR, TIME '00:12:00') AS e, SUM(price) AS total
FROM bids
GROUP BY item, TUMBLE(ts, INTERVAL '1' HOUR, TIME '00:12:00')
---- rows
+I[a, 2023-12-31 23:12:00, 2024-01-01 00:12:00, 1]
+I[a, 2024-01-01 00:12:00, 2024-01-01 01:12:00, 5]
+I[a, 2024-01-01 01:12:00, 2024-01-01 02:12:00, 4]
