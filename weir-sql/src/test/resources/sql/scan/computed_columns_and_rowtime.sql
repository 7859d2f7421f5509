-- Computed columns are computed from the physical ones after the source, in declaration order;
-- a computed column can be the rowtime of the WATERMARK.
CREATE TABLE events (
  id INT,
  doubled AS id * 2,
  t0 TIMESTAMP(3),
  ts AS t0 + INTERVAL '1' SECOND,
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 00:00:03]; +I[2, 2024-01-01 00:00:04]; +I[3, 2024-01-01 00:00:09]'
);
SELECT window_start, COUNT(*) AS n, SUM(doubled) AS total
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY window_start, window_end
---- rows
+I[2024-01-01 00:00:00, 1, 2]
+I[2024-01-01 00:00:05, 1, 4]
+I[2024-01-01 00:00:10, 1, 6]
