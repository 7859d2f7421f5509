-- SESSION_ROWTIME, the session's end minus 1 ms, is a rowtime attribute: an interval join matches
-- each session with the alerts of the 2 s after it.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE clicks (u STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 2024-01-01 00:00:01]; +I[a, 2024-01-01 00:00:03]; +I[b, 2024-01-01 00:00:04]; +I[a, 2024-01-01 00:00:20]'
);
CREATE TABLE alerts (u STRING, alerted TIMESTAMP(3), WATERMARK FOR alerted AS alerted) WITH (
  'connector' = 'values',
  'data' = '+I[a, 2024-01-01 00:00:06]; +I[b, 2024-01-01 00:00:12]; +I[a, 2024-01-01 00:00:30]'
);
SELECT s.u, s.n, s.t, a.alerted
FROM (
  SELECT u, COUNT(*) AS n, SESSION_ROWTIME(ts, INTERVAL '2' SECOND) AS t
  FROM clicks
  GROUP BY u, SESSION(ts, INTERVAL '2' SECOND)
) s JOIN alerts a ON s.u = a.u AND a.alerted BETWEEN s.t AND s.t + INTERVAL '2' SECOND
---- rows
+I[a, 2, 2024-01-01 00:00:04.999, 2024-01-01 00:00:06]
