-- LIMIT n OFFSET m: the rows at positions m + 1 to m + n.
CREATE TABLE bids (id INT, price INT) WITH (
  'connector' = 'values',
  'data' = '+I[1, 10]; +I[2, 50]; +I[3, 30]; +I[4, 40]; +I[5, 20]'
);
SELECT id, price FROM bids ORDER BY price ASC LIMIT 2 OFFSET 1
---- final
+I[5, 20]
+I[3, 30]
