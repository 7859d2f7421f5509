-- OVER aggregates over different windows in one select list are refused, as Flink's streaming planner
-- refuses them ("All aggregates must be computed on the same window").
CREATE TABLE orders (item STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 1, 2024-01-01 00:00:01]'
);
SELECT item,
  SUM(amount) OVER (PARTITION BY item ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
  SUM(amount) OVER (PARTITION BY item ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
FROM orders
---- error
All aggregates must be computed on the same window
