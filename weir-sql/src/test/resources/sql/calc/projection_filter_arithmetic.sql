CREATE TEMPORARY VIEW orders (id, price, qty) AS VALUES
  (1, 2.50, 4), (2, 10.00, 1), (3, 0.99, 10), (4, 7.25, 0);
SELECT id, price * qty AS total, qty + 1, id * 10 - 3, -id FROM orders WHERE qty > 0 AND id <> 2
---- rows
+I[1, 10.00, 5, 7, -1]
+I[3, 9.90, 11, 27, -3]
