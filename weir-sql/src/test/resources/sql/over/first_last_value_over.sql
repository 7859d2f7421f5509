-- FIRST_VALUE and LAST_VALUE as OVER aggregates: the first and last non-null value of the frame.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, NULL, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:03];
            +I[b, 7, 2024-01-01 00:00:04]; +I[a, 4, 2024-01-01 00:00:05]'
);
SELECT k, v,
  FIRST_VALUE(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
  LAST_VALUE(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM t
---- rows
+I[a, NULL, NULL, NULL]
+I[a, 2, 2, 2]
+I[a, 3, 2, 3]
+I[b, 7, 7, 7]
+I[a, 4, 2, 4]
