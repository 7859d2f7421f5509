-- Window Top-N over a window aggregate: per 10 s window, the two suppliers with the highest total.
-- Each window's rows come out once, append-only, when the watermark passes the window's end.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (supplier STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[s1, 4, 2024-01-01 00:00:01]; +I[s2, 2, 2024-01-01 00:00:02]; +I[s3, 5, 2024-01-01 00:00:03]; +I[s1, 3, 2024-01-01 00:00:04]; +I[s2, 1, 2024-01-01 00:00:05]; +I[s2, 6, 2024-01-01 00:00:12]; +I[s3, 1, 2024-01-01 00:00:13]; +I[s1, 2, 2024-01-01 00:00:14]'
);
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY total DESC) AS rownum
  FROM (
    SELECT window_start, window_end, supplier, SUM(price) AS total, COUNT(*) AS cnt
    FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
    GROUP BY window_start, window_end, supplier
  )
) WHERE rownum <= 2
---- rows
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, s1, 7, 2, 1]
+I[2024-01-01 00:00:00, 2024-01-01 00:00:10, s3, 5, 1, 2]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:20, s2, 6, 1, 1]
+I[2024-01-01 00:00:10, 2024-01-01 00:00:20, s1, 2, 1, 2]
