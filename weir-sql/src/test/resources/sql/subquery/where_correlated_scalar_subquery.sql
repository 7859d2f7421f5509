-- A correlated scalar sub-query in WHERE: each bid is compared with its own item's average.
CREATE TEMPORARY VIEW bids (item, price) AS VALUES ('a', 10), ('a', 30), ('b', 5), ('b', 7), ('c', 100);
SELECT item, price FROM bids b1
WHERE price >= (SELECT AVG(price) FROM bids b2 WHERE b2.item = b1.item)
  AND price < (SELECT MAX(price) FROM bids)
---- final
+I[a, 30]
+I[b, 7]
