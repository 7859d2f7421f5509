-- LAG's frame without ROWS is RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, as for every OVER
-- aggregate ordered by a rowtime: as in Flink, the rows of one time are all taken into the frame before
-- any of them is emitted, so they share one LAG (the value before the last of them) and one default
-- (a column's: the last of them's). Strings work like numbers.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE t (k STRING, s STRING, d STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, x, dx, 2024-01-01 00:00:01]; +I[a, y, dy, 2024-01-01 00:00:02]; +I[a, z, dz, 2024-01-01 00:00:02]; +I[a, w, dw, 2024-01-01 00:00:03]; +I[a, end, de, 2024-01-01 00:00:09]'
);
SELECT s, LAG(s) OVER w AS back1, LAG(s, 3, d) OVER w AS third_back_or_d
FROM t
WINDOW w AS (PARTITION BY k ORDER BY ts)
---- rows
+I[x, NULL, dx]
+I[y, y, dz]
+I[z, y, dz]
+I[w, z, x]
+I[end, w, y]
