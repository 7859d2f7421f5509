-- A BATCH mode RANGE frame over a TIMESTAMP ORDER BY reaches by an INTERVAL; with DESC, PRECEDING means
-- later times and FOLLOWING earlier ones.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, ts, v) AS VALUES ('a', TIMESTAMP '2024-01-01 00:00:00', 1),
  ('a', TIMESTAMP '2024-01-01 00:00:30', 2), ('a', TIMESTAMP '2024-01-01 00:01:00', 4),
  ('a', TIMESTAMP '2024-01-01 00:03:00', 8);
SELECT k, ts, v,
  SUM(v) OVER (PARTITION BY k ORDER BY ts DESC RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) AS up_to_a_minute_later,
  SUM(v) OVER (PARTITION BY k ORDER BY ts DESC RANGE BETWEEN CURRENT ROW AND INTERVAL '30' SECOND FOLLOWING) AS half_a_minute_earlier
FROM t
---- rows
+I[a, 2024-01-01 00:03:00, 8, 8, 8]
+I[a, 2024-01-01 00:01:00, 4, 4, 6]
+I[a, 2024-01-01 00:00:30, 2, 6, 3]
+I[a, 2024-01-01 00:00:00, 1, 7, 1]
