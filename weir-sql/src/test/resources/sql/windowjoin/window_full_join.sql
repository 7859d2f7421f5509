-- A FULL window join: rows without a partner in their window come out padded with nulls, once, when
-- the window ends (never retracted: the result is append-only).
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE l (k INT, v STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, L1, 2024-01-01 00:00:01]; +I[2, L2, 2024-01-01 00:00:02]; +I[3, L3, 2024-01-01 00:00:06]'
);
CREATE TABLE r (k INT, w STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[2, R2, 2024-01-01 00:00:03]; +I[4, R4, 2024-01-01 00:00:04]; +I[3, R3, 2024-01-01 00:00:08]; +I[1, R1, 2024-01-01 00:00:07]'
);
CREATE TEMPORARY VIEW lw AS SELECT * FROM TABLE(TUMBLE(TABLE l, DESCRIPTOR(ts), INTERVAL '5' SECOND));
CREATE TEMPORARY VIEW rw AS SELECT * FROM TABLE(TUMBLE(TABLE r, DESCRIPTOR(ts), INTERVAL '5' SECOND));
SELECT lw.k, v, rw.k, w, COALESCE(lw.window_start, rw.window_start) AS ws
FROM lw FULL JOIN rw ON lw.k = rw.k AND lw.window_start = rw.window_start AND lw.window_end = rw.window_end
---- rows
+I[2, L2, 2, R2, 2024-01-01 00:00:00]
+I[3, L3, 3, R3, 2024-01-01 00:00:05]
+I[1, L1, NULL, NULL, 2024-01-01 00:00:00]
+I[NULL, NULL, 4, R4, 2024-01-01 00:00:00]
+I[NULL, NULL, 1, R1, 2024-01-01 00:00:05]
