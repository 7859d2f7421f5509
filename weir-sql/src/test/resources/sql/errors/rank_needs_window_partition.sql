-- RANK() outside a window Top-N is refused with what runs instead.
CREATE TABLE bids (item STRING, price INT) WITH ('connector' = 'values', 'data' = '+I[a, 1]');
SELECT * FROM (SELECT *, RANK() OVER (PARTITION BY item ORDER BY price) AS r FROM bids) WHERE r <= 2
---- error
RANK() runs in Weir only in a window Top-N
