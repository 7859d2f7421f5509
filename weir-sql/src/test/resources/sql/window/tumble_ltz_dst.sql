-- Across a DST change the session zone's days and hours are wall-clock ones, as in Flink: in
-- Europe/Berlin 2024-03-31 has 23 hours (02:00 CET jumps to 03:00 CEST) and 2024-10-27 has 25 (03:00
-- CEST goes back to 02:00 CET). The hour from 02:00 on Oct 27 happens twice; its window holds the rows
-- of both and fires after the second (window_time 02:59:59.999 CET). (The data's times are UTC.)
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'Europe/Berlin';
CREATE TABLE clicks (id INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-03-30 22:30:00]; +I[2, 2024-03-30 23:30:00]; +I[3, 2024-03-31 00:30:00];
            +I[4, 2024-03-31 01:30:00]; +I[5, 2024-03-31 21:30:00]; +I[6, 2024-03-31 22:30:00];
            +I[7, 2024-10-27 00:30:00]; +I[8, 2024-10-27 01:30:00]; +I[9, 2024-10-27 02:30:00]'
);
SELECT 'day' AS w, window_start, window_end, window_time, COUNT(*) AS n, MIN(id) AS first_id
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' DAY))
GROUP BY window_start, window_end, window_time
UNION ALL
SELECT 'hour', window_start, window_end, window_time, COUNT(*), MIN(id)
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' HOUR))
GROUP BY window_start, window_end, window_time
---- rows
+I[day, 2024-03-30 00:00:00, 2024-03-31 00:00:00, 2024-03-30 23:59:59.999, 1, 1]
+I[day, 2024-03-31 00:00:00, 2024-04-01 00:00:00, 2024-03-31 23:59:59.999, 4, 2]
+I[day, 2024-04-01 00:00:00, 2024-04-02 00:00:00, 2024-04-01 23:59:59.999, 1, 6]
+I[day, 2024-10-27 00:00:00, 2024-10-28 00:00:00, 2024-10-27 23:59:59.999, 3, 7]
+I[hour, 2024-03-30 23:00:00, 2024-03-31 00:00:00, 2024-03-30 23:59:59.999, 1, 1]
+I[hour, 2024-03-31 00:00:00, 2024-03-31 01:00:00, 2024-03-31 00:59:59.999, 1, 2]
+I[hour, 2024-03-31 01:00:00, 2024-03-31 02:00:00, 2024-03-31 01:59:59.999, 1, 3]
+I[hour, 2024-03-31 03:00:00, 2024-03-31 04:00:00, 2024-03-31 03:59:59.999, 1, 4]
+I[hour, 2024-03-31 23:00:00, 2024-04-01 00:00:00, 2024-03-31 23:59:59.999, 1, 5]
+I[hour, 2024-04-01 00:00:00, 2024-04-01 01:00:00, 2024-04-01 00:59:59.999, 1, 6]
+I[hour, 2024-10-27 02:00:00, 2024-10-27 03:00:00, 2024-10-27 02:59:59.999, 2, 7]
+I[hour, 2024-10-27 03:00:00, 2024-10-27 04:00:00, 2024-10-27 03:59:59.999, 1, 9]
