-- Windows on a TIMESTAMP_LTZ rowtime are aligned to the session time zone's days, as in Flink: in
-- Asia/Shanghai (UTC+8) a 1-day TUMBLE runs from local midnight to local midnight; window_start and
-- window_end are those wall times (TIMESTAMP(3)), window_time the instant of the window's last
-- millisecond (TIMESTAMP_LTZ(3), shown in the session zone). The window fires when the watermark (an
-- instant) passes local midnight: the row at 15:30 UTC (23:30 in Shanghai) comes after the row at
-- 17:00 UTC (01:00 the next day there) has fired Jan 1's window, so it is late and dropped. (The data's
-- times are UTC.)
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE bids (price INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 15:00:00]; +I[2, 2024-01-01 17:00:00]; +I[4, 2024-01-01 15:30:00]; +I[8, 2024-01-02 10:00:00]'
);
SELECT window_start, window_end, window_time, SUM(price) AS total, COUNT(*) AS bids
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' DAY))
GROUP BY window_start, window_end, window_time
---- rows
+I[2024-01-01 00:00:00, 2024-01-02 00:00:00, 2024-01-01 23:59:59.999, 1, 1]
+I[2024-01-02 00:00:00, 2024-01-03 00:00:00, 2024-01-02 23:59:59.999, 10, 2]
