-- The legacy session window: GROUP BY SESSION(ts, gap). A row opens [ts, ts + gap); windows that
-- overlap or touch merge, so a session ends gap after its last row (SESSION_END). The watermark
-- (ts - 1 s after each row) fires a's session [00:01, 00:06) when (a, 3) at 00:09 arrives; (a, 4) at
-- 00:04 then comes out of order but is not late: its window [00:04, 00:09) touches the open session
-- [00:09, 00:14) and merges with it. (a, 50) at 00:01 comes when the watermark is 00:29: its session
-- would already have ended, so it is dropped.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE clicks (usr STRING, n INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[b, 2, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:09]; +I[a, 4, 2024-01-01 00:00:04]; +I[a, 5, 2024-01-01 00:00:14]; +I[a, 6, 2024-01-01 00:00:30]; +I[a, 50, 2024-01-01 00:00:01]'
);
SELECT usr, SESSION_START(ts, INTERVAL '5' SECOND) AS s, SESSION_END(ts, INTERVAL '5' SECOND) AS e,
  COUNT(*) AS cnt, SUM(n) AS total
FROM clicks
GROUP BY usr, SESSION(ts, INTERVAL '5' SECOND)
---- rows
+I[a, 2024-01-01 00:00:01, 2024-01-01 00:00:06, 1, 1]
+I[a, 2024-01-01 00:00:04, 2024-01-01 00:00:19, 3, 12]
+I[b, 2024-01-01 00:00:02, 2024-01-01 00:00:07, 1, 2]
+I[a, 2024-01-01 00:00:30, 2024-01-01 00:00:35, 1, 6]
