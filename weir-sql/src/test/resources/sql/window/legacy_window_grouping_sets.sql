-- GROUPING SETS and CUBE over legacy group windows (TUMBLE, HOP, SESSION), as in Flink: the window is
-- in every set; each set's rows are aggregated per window and emitted when the watermark passes its end.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (supplier STRING, item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[s1, a, 1, 2024-01-01 00:00:01]; +I[s1, b, 2, 2024-01-01 00:00:03]; +I[s2, a, 4, 2024-01-01 00:00:05];
            +I[s1, a, 8, 2024-01-01 00:00:12]'
);
SELECT 'tumble' AS w, TUMBLE_START(ts, INTERVAL '10' SECOND) AS ws, supplier, item, SUM(price) AS total
FROM bids GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), CUBE (supplier, item)
UNION ALL
SELECT 'hop', HOP_START(ts, INTERVAL '10' SECOND, INTERVAL '20' SECOND), supplier, CAST(NULL AS STRING), SUM(price)
FROM bids GROUP BY HOP(ts, INTERVAL '10' SECOND, INTERVAL '20' SECOND), GROUPING SETS ((supplier), ())
UNION ALL
SELECT 'session', SESSION_START(ts, INTERVAL '5' SECOND), supplier, CAST(NULL AS STRING), SUM(price)
FROM bids GROUP BY SESSION(ts, INTERVAL '5' SECOND), ROLLUP (supplier)
---- rows
+I[tumble, 2024-01-01 00:00:00, s1, a, 1]
+I[tumble, 2024-01-01 00:00:00, s1, b, 2]
+I[tumble, 2024-01-01 00:00:00, s2, a, 4]
+I[tumble, 2024-01-01 00:00:00, s1, NULL, 3]
+I[tumble, 2024-01-01 00:00:00, s2, NULL, 4]
+I[tumble, 2024-01-01 00:00:00, NULL, a, 5]
+I[tumble, 2024-01-01 00:00:00, NULL, b, 2]
+I[tumble, 2024-01-01 00:00:00, NULL, NULL, 7]
+I[tumble, 2024-01-01 00:00:10, s1, a, 8]
+I[tumble, 2024-01-01 00:00:10, s1, NULL, 8]
+I[tumble, 2024-01-01 00:00:10, NULL, a, 8]
+I[tumble, 2024-01-01 00:00:10, NULL, NULL, 8]
+I[hop, 2023-12-31 23:59:50, s1, NULL, 3]
+I[hop, 2023-12-31 23:59:50, s2, NULL, 4]
+I[hop, 2023-12-31 23:59:50, NULL, NULL, 7]
+I[hop, 2024-01-01 00:00:00, s1, NULL, 11]
+I[hop, 2024-01-01 00:00:00, s2, NULL, 4]
+I[hop, 2024-01-01 00:00:00, NULL, NULL, 15]
+I[hop, 2024-01-01 00:00:10, s1, NULL, 8]
+I[hop, 2024-01-01 00:00:10, NULL, NULL, 8]
+I[session, 2024-01-01 00:00:01, s1, NULL, 3]
+I[session, 2024-01-01 00:00:05, s2, NULL, 4]
+I[session, 2024-01-01 00:00:12, s1, NULL, 8]
+I[session, 2024-01-01 00:00:01, NULL, NULL, 7]
+I[session, 2024-01-01 00:00:12, NULL, NULL, 8]
