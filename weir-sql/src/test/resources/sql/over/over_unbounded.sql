-- OVER with only ORDER BY is RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW: a running total and
-- maximum per item, through the rows of each row's own time.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE orders (item STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[b, 5, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:04]; +I[a, 4, 2024-01-01 00:00:04]; +I[a, 10, 2024-01-01 00:00:09]; +I[a, 100, 2024-01-01 00:00:03]'
);
SELECT item, amount, SUM(amount) OVER w AS s, MAX(amount) OVER w AS m
FROM orders
WINDOW w AS (PARTITION BY item ORDER BY ts)
---- rows
+I[a, 1, 1, 1]
+I[a, 2, 3, 2]
+I[a, 3, 10, 4]
+I[a, 4, 10, 4]
+I[a, 10, 20, 10]
+I[b, 5, 5, 5]
