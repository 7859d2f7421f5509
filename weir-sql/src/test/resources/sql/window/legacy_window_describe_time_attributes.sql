-- As in Flink's time-zone docs (MyView3, MyView5): a legacy window's TUMBLE_START/_END are
-- TIMESTAMP(3) NOT NULL and its TUMBLE_ROWTIME over a TIMESTAMP_LTZ rowtime is TIMESTAMP_LTZ(3)
-- *ROWTIME*, which DESCRIBE of the view shows (ResultTimeAttributesTest checks TUMBLE_PROCTIME's
-- *PROCTIME*).
CREATE TABLE t (item STRING, price DOUBLE, ts BIGINT, ts_ltz AS TO_TIMESTAMP_LTZ(ts, 3),
  WATERMARK FOR ts_ltz AS ts_ltz - INTERVAL '10' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
CREATE VIEW rowtime_windows AS
SELECT TUMBLE_START(ts_ltz, INTERVAL '10' MINUTES) AS window_start, TUMBLE_END(ts_ltz, INTERVAL '10' MINUTES) AS window_end,
  TUMBLE_ROWTIME(ts_ltz, INTERVAL '10' MINUTES) AS window_rowtime, item, MAX(price) AS max_price
FROM t GROUP BY TUMBLE(ts_ltz, INTERVAL '10' MINUTES), item;
DESCRIBE rowtime_windows
---- rows
+I[window_start, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
+I[window_end, TIMESTAMP(3), FALSE, NULL, NULL, NULL]
+I[window_rowtime, TIMESTAMP_LTZ(3) *ROWTIME*, TRUE, NULL, NULL, NULL]
+I[item, STRING, TRUE, NULL, NULL, NULL]
+I[max_price, DOUBLE, TRUE, NULL, NULL, NULL]
