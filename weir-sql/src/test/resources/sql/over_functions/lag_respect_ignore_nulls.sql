-- LAG and LEAD take RESPECT NULLS and IGNORE NULLS (Flink's validator, Calcite's, allows them), and, as in
-- Flink, whose LAG and LEAD do not read the clause, NULL values count as rows either way: IGNORE NULLS
-- gives the same results as RESPECT NULLS.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[a, NULL, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:03]'
);
SELECT v, LAG(v) IGNORE NULLS OVER w AS ignoring, LAG(v) RESPECT NULLS OVER w AS respecting
FROM t
WINDOW w AS (PARTITION BY k ORDER BY ts)
---- rows
+I[1, NULL, NULL]
+I[NULL, 1, 1]
+I[3, NULL, NULL]
