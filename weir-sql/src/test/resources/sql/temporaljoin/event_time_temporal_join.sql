-- An event-time temporal join: each order joins the version of its currency's rate that was valid at
-- the order's time (the latest one at or before it). The versioned table is a changelog with a
-- primary key and a watermark: EUR is updated at 00:05 and deleted at 00:15, so the order at 00:20
-- finds no rate; order 5 comes late, before any version that is still kept, and finds none either.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE orders (id INT, cur STRING, amount INT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time) WITH (
  'connector' = 'values',
  'data' = '+I[1, EUR, 10, 2024-01-01 00:00:02]; +I[2, EUR, 20, 2024-01-01 00:00:06]; +I[3, USD, 30, 2024-01-01 00:00:07]; +I[4, EUR, 40, 2024-01-01 00:00:20]; +I[5, USD, 50, 2024-01-01 00:00:00.5]'
);
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[EUR, 1, 2024-01-01 00:00:01]; +I[USD, 7, 2024-01-01 00:00:01]; -U[EUR, 1, 2024-01-01 00:00:05]; +U[EUR, 2, 2024-01-01 00:00:05]; -D[EUR, 2, 2024-01-01 00:00:15]; +I[GBP, 9, 2024-01-01 00:00:30]'
);
SELECT o.id, o.cur, o.amount * r.rate AS converted, r.ts
FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.cur = r.cur
---- rows
+I[1, EUR, 10, 2024-01-01 00:00:01]
+I[2, EUR, 40, 2024-01-01 00:00:05]
+I[3, USD, 210, 2024-01-01 00:00:01]
