-- A user-defined aggregate in a window aggregate is opened before its first row too.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE FUNCTION open_count AS 'io.weir.sql.udf.TestFunctions$OpenCloseCount';
CREATE TABLE orders (item STRING, amount BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[b, 5, 2024-01-01 00:00:03]; +I[a, 3, 2024-01-01 00:00:12]'
);
SELECT item, window_start, open_count(amount)
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY item, window_start, window_end
---- rows
+I[a, 2024-01-01 00:00:00, 2]
+I[b, 2024-01-01 00:00:00, 1]
+I[a, 2024-01-01 00:00:10, 1]
