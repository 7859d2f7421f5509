-- Top-N: the two highest prices per item. A row that enters the first two pushes the rows after it
-- down (their numbers change: -U/+U); the final rows are each item's two highest.
CREATE TABLE bids (item STRING, price INT, bidder STRING) WITH (
  'connector' = 'values',
  'data' = '+I[a, 10, p]; +I[a, 30, q]; +I[b, 5, r]; +I[a, 20, s]; +I[a, 40, t]; +I[b, 7, u]; +I[a, 1, v]'
);
SELECT item, price, bidder, rn FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY item ORDER BY price DESC) AS rn FROM bids
) WHERE rn <= 2
---- rows
+I[a, 10, p, 1]
-U[a, 10, p, 1]
+U[a, 30, q, 1]
+I[a, 10, p, 2]
+I[b, 5, r, 1]
-U[a, 10, p, 2]
+U[a, 20, s, 2]
-U[a, 30, q, 1]
+U[a, 40, t, 1]
-U[a, 20, s, 2]
+U[a, 30, q, 2]
-U[b, 5, r, 1]
+U[b, 7, u, 1]
+I[b, 5, r, 2]
