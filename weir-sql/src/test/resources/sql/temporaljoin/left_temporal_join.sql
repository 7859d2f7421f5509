-- A LEFT temporal join pads an order without a valid rate with nulls: before the first version,
-- after a deletion, when the rest of the condition (r.rate < 5) fails, and for a null currency.
-- The versioned table is an upsert changelog (no -U rows).
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE orders (id INT, cur STRING, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time) WITH (
  'connector' = 'values',
  'data' = '+I[1, USD, 2024-01-01 00:00:01]; +I[2, EUR, 2024-01-01 00:00:03]; +I[3, EUR, 2024-01-01 00:00:06]; +I[4, USD, 2024-01-01 00:00:08]; +I[5, EUR, 2024-01-01 00:00:12]; +I[6, NULL, 2024-01-01 00:00:13]'
);
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UA,D',
  'data' = '+I[EUR, 1, 2024-01-01 00:00:02]; +I[USD, 7, 2024-01-01 00:00:02]; +U[EUR, 2, 2024-01-01 00:00:05]; -D[EUR, 2, 2024-01-01 00:00:10]; +I[GBP, 9, 2024-01-01 00:00:30]'
);
SELECT o.id, o.cur, r.rate
FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.cur = r.cur AND r.rate < 5
---- rows
+I[1, USD, NULL]
+I[2, EUR, 1]
+I[3, EUR, 2]
+I[4, USD, NULL]
+I[5, EUR, NULL]
+I[6, NULL, NULL]
