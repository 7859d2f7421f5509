-- A correlated EXISTS runs as a semi join on the correlated condition.
CREATE TABLE orders (id INT, cust STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a]; +I[2, b]; +I[3, c]; +I[4, NULL]'
);
CREATE TABLE customers (cust STRING, vip BOOLEAN) WITH (
  'connector' = 'values',
  'data' = '+I[a, TRUE]; +I[b, FALSE]; +I[NULL, FALSE]'
);
SELECT id, cust FROM orders o WHERE EXISTS (SELECT * FROM customers c WHERE c.cust = o.cust AND c.vip) AND id > 0
---- rows
+I[1, a]
