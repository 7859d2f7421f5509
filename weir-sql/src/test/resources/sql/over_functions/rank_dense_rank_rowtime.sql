-- RANK and DENSE_RANK over a rowtime in streaming mode: rows of one time share a rank; RANK leaves a gap
-- after them, DENSE_RANK none.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, 2, 2024-01-01 00:00:02]; +I[b, 10, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:02]; +I[a, 4, 2024-01-01 00:00:04]; +I[b, 20, 2024-01-01 00:00:05]; +I[a, 0, 2024-01-01 00:00:09]'
);
SELECT k, v, RANK() OVER w AS r, DENSE_RANK() OVER w AS dr
FROM t
WINDOW w AS (PARTITION BY k ORDER BY ts)
---- rows
+I[a, 1, 1, 1]
+I[a, 2, 2, 2]
+I[a, 3, 2, 2]
+I[a, 4, 4, 3]
+I[b, 10, 1, 1]
+I[b, 20, 2, 2]
+I[a, 0, 5, 4]
