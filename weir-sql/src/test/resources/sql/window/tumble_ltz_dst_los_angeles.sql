-- The window table function TUMBLE over a TIMESTAMP_LTZ rowtime gives the same windows as the legacy
-- GROUP BY TUMBLE (legacy_tumble_ltz_dst.sql) in America/Los_Angeles, where 2024-03-10 has 23 hours
-- and 2024-11-03 has 25: the hour from 01:00 on Nov 3 happens twice and is one window, whose
-- window_time is 01:59:59.999 PST. (The data's times are UTC.)
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'America/Los_Angeles';
CREATE TABLE clicks (id INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-03-10 07:30:00]; +I[2, 2024-03-10 08:30:00]; +I[3, 2024-03-10 10:30:00];
            +I[4, 2024-03-11 06:30:00]; +I[5, 2024-03-11 07:30:00]; +I[6, 2024-11-03 07:30:00];
            +I[7, 2024-11-03 08:30:00]; +I[8, 2024-11-03 09:30:00]; +I[9, 2024-11-04 07:30:00];
            +I[10, 2024-11-04 08:30:00]'
);
SELECT 'day' AS w, window_start, window_end, window_time, COUNT(*) AS n, MIN(id) AS first_id
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' DAY))
GROUP BY window_start, window_end, window_time
UNION ALL
SELECT 'hour', window_start, window_end, window_time, COUNT(*), MIN(id)
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' HOUR))
GROUP BY window_start, window_end, window_time
---- rows
+I[day, 2024-03-09 00:00:00, 2024-03-10 00:00:00, 2024-03-09 23:59:59.999, 1, 1]
+I[day, 2024-03-10 00:00:00, 2024-03-11 00:00:00, 2024-03-10 23:59:59.999, 3, 2]
+I[day, 2024-03-11 00:00:00, 2024-03-12 00:00:00, 2024-03-11 23:59:59.999, 1, 5]
+I[day, 2024-11-03 00:00:00, 2024-11-04 00:00:00, 2024-11-03 23:59:59.999, 4, 6]
+I[day, 2024-11-04 00:00:00, 2024-11-05 00:00:00, 2024-11-04 23:59:59.999, 1, 10]
+I[hour, 2024-03-09 23:00:00, 2024-03-10 00:00:00, 2024-03-09 23:59:59.999, 1, 1]
+I[hour, 2024-03-10 00:00:00, 2024-03-10 01:00:00, 2024-03-10 00:59:59.999, 1, 2]
+I[hour, 2024-03-10 03:00:00, 2024-03-10 04:00:00, 2024-03-10 03:59:59.999, 1, 3]
+I[hour, 2024-03-10 23:00:00, 2024-03-11 00:00:00, 2024-03-10 23:59:59.999, 1, 4]
+I[hour, 2024-03-11 00:00:00, 2024-03-11 01:00:00, 2024-03-11 00:59:59.999, 1, 5]
+I[hour, 2024-11-03 00:00:00, 2024-11-03 01:00:00, 2024-11-03 00:59:59.999, 1, 6]
+I[hour, 2024-11-03 01:00:00, 2024-11-03 02:00:00, 2024-11-03 01:59:59.999, 2, 7]
+I[hour, 2024-11-03 23:00:00, 2024-11-04 00:00:00, 2024-11-03 23:59:59.999, 1, 9]
+I[hour, 2024-11-04 00:00:00, 2024-11-04 01:00:00, 2024-11-04 00:59:59.999, 1, 10]
