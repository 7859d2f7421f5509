-- A user-defined aggregate per tumbling window, and a scalar function over its result.
CREATE FUNCTION weighted_avg AS 'io.weir.sql.udf.TestFunctions$WeightedAvg';
CREATE FUNCTION describe_it AS 'io.weir.sql.udf.TestFunctions$Describe';
CREATE TABLE bids (item STRING, price BIGINT, qty INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 10, 1, 2024-01-01 00:00:01]; +I[a, 20, 3, 2024-01-01 00:00:30]; +I[a, 8, 1, 2024-01-01 00:01:30]'
);
SELECT item, window_start, describe_it(weighted_avg(price, qty))
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY item, window_start, window_end
---- rows
+I[a, 2024-01-01 00:00:00, long 17]
+I[a, 2024-01-01 00:01:00, long 8]
