-- A window join: two TUMBLE windowed tables joined on k and on both window bounds. Each window's rows
-- are joined once the watermark passes its end, append-only; (1, L1) and (1, R1) are in different
-- windows, so they do not join.
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
SELECT lw.k, v, w, lw.window_start, lw.window_end
FROM lw JOIN rw ON lw.k = rw.k AND lw.window_start = rw.window_start AND lw.window_end = rw.window_end
---- rows
+I[2, L2, R2, 2024-01-01 00:00:00, 2024-01-01 00:00:05]
+I[3, L3, R3, 2024-01-01 00:00:05, 2024-01-01 00:00:10]
