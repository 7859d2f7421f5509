-- Legacy GROUP BY TUMBLE/HOP over a TIMESTAMP_LTZ rowtime cut the session time zone's wall time, as
-- in Flink: in Asia/Shanghai (UTC+8) a 1-day window runs from local midnight to local midnight and a
-- HOP of 12 hours starts at local 00:00 and 12:00. TUMBLE_START/_END are those wall times
-- (TIMESTAMP(3)), TUMBLE_ROWTIME the instant of the window's last millisecond (TIMESTAMP_LTZ(3), shown
-- in the session zone). A window fires when the watermark (an instant) passes its local end: the row
-- at 15:30 UTC (23:30 in Shanghai) comes after the row at 17:00 UTC (01:00 the next day there) has
-- fired Jan 1's day window, so it is late for it, but not for the HOP window [Jan 1 12:00, Jan 2
-- 12:00). (The data's times are UTC.)
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE bids (price INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 15:00:00]; +I[2, 2024-01-01 17:00:00]; +I[4, 2024-01-01 15:30:00]; +I[8, 2024-01-02 10:00:00]'
);
SELECT 'tumble' AS w, TUMBLE_START(ts, INTERVAL '1' DAY) AS s, TUMBLE_END(ts, INTERVAL '1' DAY) AS e,
  TUMBLE_ROWTIME(ts, INTERVAL '1' DAY) AS t, SUM(price) AS total, COUNT(*) AS bids
FROM bids
GROUP BY TUMBLE(ts, INTERVAL '1' DAY)
UNION ALL
SELECT 'hop', HOP_START(ts, INTERVAL '12' HOUR, INTERVAL '1' DAY), HOP_END(ts, INTERVAL '12' HOUR, INTERVAL '1' DAY),
  HOP_ROWTIME(ts, INTERVAL '12' HOUR, INTERVAL '1' DAY), SUM(price), COUNT(*)
FROM bids
GROUP BY HOP(ts, INTERVAL '12' HOUR, INTERVAL '1' DAY)
---- rows
+I[tumble, 2024-01-01 00:00:00, 2024-01-02 00:00:00, 2024-01-01 23:59:59.999, 1, 1]
+I[tumble, 2024-01-02 00:00:00, 2024-01-03 00:00:00, 2024-01-02 23:59:59.999, 10, 2]
+I[hop, 2024-01-01 00:00:00, 2024-01-02 00:00:00, 2024-01-01 23:59:59.999, 1, 1]
+I[hop, 2024-01-01 12:00:00, 2024-01-02 12:00:00, 2024-01-02 11:59:59.999, 7, 3]
+I[hop, 2024-01-02 00:00:00, 2024-01-03 00:00:00, 2024-01-02 23:59:59.999, 10, 2]
+I[hop, 2024-01-02 12:00:00, 2024-01-03 12:00:00, 2024-01-03 11:59:59.999, 8, 1]
