-- DESCRIBE of a view marks its time attributes as Flink does (Flink's time-zone docs, its sql-client
-- view tests): a table's rowtime and processing-time columns stay *ROWTIME* / *PROCTIME* when selected
-- or filtered, PROCTIME() is *PROCTIME*; a value computed from one is a plain timestamp.
CREATE TABLE orders (u BIGINT, amount INT, ts TIMESTAMP(3), ptime AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
CREATE VIEW v AS
SELECT u, amount, ts, ptime, ts + INTERVAL '1' SECOND AS ts_later, PROCTIME() AS now_pt
FROM orders WHERE amount > 0;
DESCRIBE v
---- rows
+I[u, BIGINT, TRUE, NULL, NULL, NULL]
+I[amount, INT, TRUE, NULL, NULL, NULL]
+I[ts, TIMESTAMP(3) *ROWTIME*, TRUE, NULL, NULL, NULL]
+I[ptime, TIMESTAMP_LTZ(3) *PROCTIME*, FALSE, NULL, NULL, NULL]
+I[ts_later, TIMESTAMP(3), TRUE, NULL, NULL, NULL]
+I[now_pt, TIMESTAMP_LTZ(3) *PROCTIME*, FALSE, NULL, NULL, NULL]
