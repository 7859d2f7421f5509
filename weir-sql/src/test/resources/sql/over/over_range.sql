-- An OVER aggregate on RANGE: the sum of the item's rows within 2 s before each row's time, every
-- row of the same time included (both rows at 00:04 see 2 + 3 + 4).
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE orders (item STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[b, 5, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:04]; +I[a, 4, 2024-01-01 00:00:04]; +I[a, 10, 2024-01-01 00:00:09]; +I[a, 100, 2024-01-01 00:00:03]'
);
SELECT item, amount,
  SUM(amount) OVER (PARTITION BY item ORDER BY ts RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW) AS s
FROM orders
---- rows
+I[a, 1, 1]
+I[a, 2, 3]
+I[a, 3, 9]
+I[a, 4, 9]
+I[a, 10, 10]
+I[b, 5, 5]
