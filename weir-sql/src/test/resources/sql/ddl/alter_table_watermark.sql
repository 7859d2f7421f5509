-- ADD WATERMARK makes a column the rowtime, so a window can use it; DROP WATERMARK undoes it.
CREATE TABLE events (id INT, ts TIMESTAMP(3)) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:01]; +I[2, 2024-01-01 00:00:02]; +I[3, 2024-01-01 00:00:07]'
);
ALTER TABLE events ADD WATERMARK FOR ts AS ts - INTERVAL '1' SECOND;
SELECT window_start, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY window_start, window_end
---- rows
+I[2024-01-01 00:00:00, 2]
+I[2024-01-01 00:00:05, 1]
