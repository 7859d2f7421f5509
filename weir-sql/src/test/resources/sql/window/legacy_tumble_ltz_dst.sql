-- Legacy GROUP BY TUMBLE over a TIMESTAMP_LTZ rowtime across a DST change: the session zone's days
-- and hours are wall-clock ones, as in Flink. In America/Los_Angeles 2024-03-10 has 23 hours (02:00
-- PST jumps to 03:00 PDT) and 2024-11-03 has 25 (02:00 PDT goes back to 01:00 PST). The hour from
-- 01:00 on Nov 3 happens twice; its window holds the rows of both and fires after the second (its
-- TUMBLE_ROWTIME is 01:59:59.999 PST, shown as the wall time). (The data's times are UTC.)
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'America/Los_Angeles';
CREATE TABLE clicks (id INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-03-10 07:30:00]; +I[2, 2024-03-10 08:30:00]; +I[3, 2024-03-10 10:30:00];
            +I[4, 2024-03-11 06:30:00]; +I[5, 2024-03-11 07:30:00]; +I[6, 2024-11-03 07:30:00];
            +I[7, 2024-11-03 08:30:00]; +I[8, 2024-11-03 09:30:00]; +I[9, 2024-11-04 07:30:00];
            +I[10, 2024-11-04 08:30:00]'
);
SELECT 'day' AS w, TUMBLE_START(ts, INTERVAL '1' DAY) AS s, TUMBLE_END(ts, INTERVAL '1' DAY) AS e,
  TUMBLE_ROWTIME(ts, INTERVAL '1' DAY) AS t, COUNT(*) AS n, MIN(id) AS first_id
FROM clicks
GROUP BY TUMBLE(ts, INTERVAL '1' DAY)
UNION ALL
SELECT 'hour', TUMBLE_START(ts, INTERVAL '1' HOUR), TUMBLE_END(ts, INTERVAL '1' HOUR),
  TUMBLE_ROWTIME(ts, INTERVAL '1' HOUR), COUNT(*), MIN(id)
FROM clicks
GROUP BY TUMBLE(ts, INTERVAL '1' HOUR)
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
