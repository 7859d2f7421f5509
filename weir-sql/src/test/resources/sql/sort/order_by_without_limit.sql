-- A stream cannot be sorted without a limit, as in Flink.
CREATE TABLE bids (id INT, price INT) WITH (
  'connector' = 'values',
  'data' = '+I[1, 10]'
);
SELECT id, price FROM bids ORDER BY price
---- error
Sort on a non-time-attribute field is not supported
