-- A null key joins nothing in a window join (SQL's =): in a FULL window join both rows with a NULL
-- key come out padded; the rows with key 1 join.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE l (k INT, v STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[NULL, Ln, 2024-01-01 00:00:01]; +I[1, L1, 2024-01-01 00:00:02]'
);
CREATE TABLE r (k INT, w STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[NULL, Rn, 2024-01-01 00:00:03]; +I[1, R1, 2024-01-01 00:00:04]'
);
SELECT v, w
FROM (SELECT * FROM TABLE(TUMBLE(TABLE l, DESCRIPTOR(ts), INTERVAL '5' SECOND))) lw
FULL JOIN (SELECT * FROM TABLE(TUMBLE(TABLE r, DESCRIPTOR(ts), INTERVAL '5' SECOND))) rw
ON lw.k = rw.k AND lw.window_start = rw.window_start AND lw.window_end = rw.window_end
---- rows
+I[L1, R1]
+I[Ln, NULL]
+I[NULL, Rn]
