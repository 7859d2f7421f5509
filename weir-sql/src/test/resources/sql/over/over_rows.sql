-- An OVER aggregate on ROWS: each row with the sum and count of itself and the row before it in its
-- item's time order. Rows wait until the watermark passes their time; (a, 100) at 00:03 arrives when
-- the watermark is 00:08 and is dropped as late.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE orders (item STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[b, 5, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:04]; +I[a, 4, 2024-01-01 00:00:04]; +I[a, 10, 2024-01-01 00:00:09]; +I[a, 100, 2024-01-01 00:00:03]'
);
SELECT item, amount,
  SUM(amount) OVER (PARTITION BY item ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s,
  COUNT(*) OVER (PARTITION BY item ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS n
FROM orders
---- rows
+I[a, 1, 1, 1]
+I[a, 2, 3, 2]
+I[a, 3, 5, 2]
+I[a, 4, 7, 2]
+I[a, 10, 14, 2]
+I[b, 5, 5, 1]
