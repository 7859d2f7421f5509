-- legacy_group_by_session.sql with an aggregate that cannot merge (count_all declares no merge
-- method): the sessions keep their rows and aggregate them when they end. Same results.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE FUNCTION count_all AS 'io.weir.sql.udf.TestFunctions$CountAll';
CREATE TABLE clicks (usr STRING, n INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]; +I[b, 2, 2024-01-01 00:00:02]; +I[a, 3, 2024-01-01 00:00:09]; +I[a, 4, 2024-01-01 00:00:04]; +I[a, 5, 2024-01-01 00:00:14]; +I[a, 6, 2024-01-01 00:00:30]; +I[a, 50, 2024-01-01 00:00:01]'
);
SELECT usr, SESSION_START(ts, INTERVAL '5' SECOND) AS s, SESSION_END(ts, INTERVAL '5' SECOND) AS e,
  count_all(n) AS cnt, SUM(n) AS total
FROM clicks
GROUP BY usr, SESSION(ts, INTERVAL '5' SECOND)
---- rows
+I[a, 2024-01-01 00:00:01, 2024-01-01 00:00:06, 1, 1]
+I[a, 2024-01-01 00:00:04, 2024-01-01 00:00:19, 3, 12]
+I[b, 2024-01-01 00:00:02, 2024-01-01 00:00:07, 1, 2]
+I[a, 2024-01-01 00:00:30, 2024-01-01 00:00:35, 1, 6]
