-- As in Flink, a legacy window's TUMBLE_START/_END, HOP_START/_END and SESSION_START/_END over a
-- processing-time attribute are TIMESTAMP(3) (the window's bounds as wall times of the session time
-- zone), while TUMBLE_PROCTIME (and HOP's, SESSION's) stays a TIMESTAMP_LTZ(3) processing-time
-- attribute. (ProcTimeWindowBoundsTest checks the values in a session zone other than UTC.)
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
CREATE VIEW tumbling AS
SELECT u, TUMBLE_START(pt, INTERVAL '1' DAY) AS s, TUMBLE_END(pt, INTERVAL '1' DAY) AS e,
  TUMBLE_PROCTIME(pt, INTERVAL '1' DAY) AS p
FROM clicks GROUP BY u, TUMBLE(pt, INTERVAL '1' DAY);
CREATE VIEW hopping AS
SELECT HOP_START(pt, INTERVAL '1' HOUR, INTERVAL '1' DAY) AS s, HOP_END(pt, INTERVAL '1' HOUR, INTERVAL '1' DAY) AS e
FROM clicks GROUP BY HOP(pt, INTERVAL '1' HOUR, INTERVAL '1' DAY);
CREATE VIEW sessions AS
SELECT SESSION_START(pt, INTERVAL '1' DAY) AS s, SESSION_END(pt, INTERVAL '1' DAY) AS e
FROM clicks GROUP BY SESSION(pt, INTERVAL '1' DAY);
CREATE VIEW bounds AS
SELECT t.s AS tumble_start, t.e AS tumble_end, t.p AS tumble_proctime, h.s AS hop_start, h.e AS hop_end,
  x.s AS session_start, x.e AS session_end
FROM tumbling AS t, hopping AS h, sessions AS x;
DESCRIBE bounds
---- rows
+I[tumble_start, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
+I[tumble_end, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
+I[tumble_proctime, TIMESTAMP_LTZ(3), FALSE, NULL, NULL, NULL]
+I[hop_start, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
+I[hop_end, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
+I[session_start, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
+I[session_end, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
