-- A sliced HOP on a TIMESTAMP_LTZ rowtime across the hour Europe/Berlin skips on 2024-03-31 (02:00 CET
-- jumps to 03:00 CEST): the window [01:30, 02:30) ends in the skipped hour, so it fires at the instant
-- of 03:30 CEST, with the window [02:30, 03:30), first. (The data's times are UTC: 01:45 CET, 03:10
-- CEST and 05:00 CEST.)
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'Europe/Berlin';
CREATE TABLE clicks (id INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-03-31 00:45:00]; +I[2, 2024-03-31 01:10:00]; +I[3, 2024-03-31 03:00:00]'
);
SELECT window_start, window_end, COUNT(*) AS n, MIN(id) AS first_id
FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '30' MINUTE, INTERVAL '1' HOUR))
GROUP BY window_start, window_end
---- rows
+I[2024-03-31 01:00:00, 2024-03-31 02:00:00, 1, 1]
+I[2024-03-31 01:30:00, 2024-03-31 02:30:00, 1, 1]
+I[2024-03-31 02:30:00, 2024-03-31 03:30:00, 1, 2]
+I[2024-03-31 03:00:00, 2024-03-31 04:00:00, 1, 2]
+I[2024-03-31 04:30:00, 2024-03-31 05:30:00, 1, 3]
+I[2024-03-31 05:00:00, 2024-03-31 06:00:00, 1, 3]
