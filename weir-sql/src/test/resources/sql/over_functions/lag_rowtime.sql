-- LAG(v [, offset [, default]]) over a rowtime runs in streaming mode, as in Flink: the value offset rows
-- back in time order within the partition (NULL values count as rows), else the default (NULL without
-- one). Rows are emitted once the watermark passes them.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, NULL, 2024-01-01 00:00:02]; +I[b, 10, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:03]; +I[b, 20, 2024-01-01 00:00:04]; +I[a, 4, 2024-01-01 00:00:05]; +I[b, 30, 2024-01-01 00:00:09]'
);
SELECT k, v, LAG(v) OVER w AS back1, LAG(v, 2) OVER w AS back2, LAG(v, 2, -1) OVER w AS back2_or_minus_one,
  LAG(v, 0) OVER w AS itself
FROM t
WINDOW w AS (PARTITION BY k ORDER BY ts)
---- rows
+I[a, 1, NULL, NULL, -1, 1]
+I[a, NULL, 1, NULL, -1, NULL]
+I[a, 3, NULL, 1, 1, 3]
+I[a, 4, 3, NULL, NULL, 4]
+I[b, 10, NULL, NULL, -1, 10]
+I[b, 20, 10, NULL, -1, 20]
+I[b, 30, 20, 10, 10, 30]
