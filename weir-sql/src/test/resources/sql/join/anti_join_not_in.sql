-- NOT IN is null-aware: order 4 (NULL customer) compared with 'a' is unknown, so it is not in the
-- result; without a NULL in the sub-query the other orders not in it stay.
CREATE TABLE orders (id INT, cust STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a]; +I[2, b]; +I[3, c]; +I[4, NULL]'
);
CREATE TABLE customers (cust STRING, vip BOOLEAN) WITH (
  'connector' = 'values',
  'data' = '+I[a, TRUE]; +I[b, FALSE]; +I[NULL, FALSE]'
);
SELECT id FROM orders WHERE cust NOT IN (SELECT cust FROM customers WHERE vip)
---- final
+I[2]
+I[3]
