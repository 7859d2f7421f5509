-- ROW_NUMBER() outside Top-N over a processing-time attribute (as Flink's own test of it): each row is
-- numbered as it reaches the operator, per partition.
CREATE TABLE t (k STRING, v BIGINT, pt AS PROCTIME()) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1]; +I[b, 10]; +I[a, 2]; +I[a, 3]; +I[b, 20]'
);
SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt) AS rn
FROM t
---- rows
+I[a, 1, 1]
+I[a, 2, 2]
+I[a, 3, 3]
+I[b, 10, 1]
+I[b, 20, 2]
