-- ORDER BY ... LIMIT n is a Top-N over the whole input; its final rows are the first n.
CREATE TABLE bids (id INT, price INT) WITH (
  'connector' = 'values',
  'data' = '+I[1, 10]; +I[2, 50]; +I[3, 30]; +I[4, 40]; +I[5, 20]'
);
SELECT id, price FROM bids ORDER BY price DESC LIMIT 3
---- final
+I[2, 50]
+I[4, 40]
+I[3, 30]
