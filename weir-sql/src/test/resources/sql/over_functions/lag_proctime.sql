-- LAG over a processing-time attribute runs in streaming mode: rows in the order they reach the
-- operator (one partition per key; the values connector emits them in order from one subtask).
CREATE TABLE t (k STRING, v BIGINT, pt AS PROCTIME()) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1]; +I[b, 10]; +I[a, 2]; +I[a, 3]; +I[b, 20]'
);
SELECT k, v, LAG(v) OVER w AS back1, LAG(v, 2, 0) OVER w AS back2
FROM t
WINDOW w AS (PARTITION BY k ORDER BY pt)
---- rows
+I[a, 1, NULL, 0]
+I[a, 2, 1, 0]
+I[a, 3, 2, 1]
+I[b, 10, NULL, 0]
+I[b, 20, 10, 0]
