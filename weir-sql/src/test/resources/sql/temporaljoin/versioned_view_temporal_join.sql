-- A versioned view, as Flink allows: an append-only history of rates deduplicated to the latest row
-- per currency (ROW_NUMBER() ... ORDER BY ts DESC = 1) has the currency as its key and ts as its
-- rowtime, so orders join the rate valid at their time.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE orders (id INT, cur STRING, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time) WITH (
  'connector' = 'values',
  'data' = '+I[1, EUR, 2024-01-01 00:00:02]; +I[2, EUR, 2024-01-01 00:00:06]; +I[3, USD, 2024-01-01 00:00:07]; +I[4, EUR, 2024-01-01 00:00:09]'
);
CREATE TABLE rate_history (cur STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[EUR, 1, 2024-01-01 00:00:01]; +I[USD, 7, 2024-01-01 00:00:01]; +I[EUR, 2, 2024-01-01 00:00:05]; +I[EUR, 3, 2024-01-01 00:00:08]; +I[USD, 8, 2024-01-01 00:00:20]'
);
CREATE VIEW rates AS
SELECT cur, rate, ts FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY cur ORDER BY ts DESC) AS rn FROM rate_history
) WHERE rn = 1;
SELECT o.id, o.cur, r.rate
FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.cur = r.cur
---- rows
+I[1, EUR, 1]
+I[2, EUR, 2]
+I[3, USD, 7]
+I[4, EUR, 3]
