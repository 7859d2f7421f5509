-- IN (sub-query) runs as a semi join: each order with a customer comes out once; with append-only
-- inputs the result is append-only. The NULL customer matches nothing.
CREATE TABLE orders (id INT, cust STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a]; +I[2, b]; +I[3, c]; +I[4, NULL]'
);
CREATE TABLE customers (cust STRING, vip BOOLEAN) WITH (
  'connector' = 'values',
  'data' = '+I[a, TRUE]; +I[b, FALSE]; +I[NULL, FALSE]'
);
SELECT id FROM orders WHERE cust IN (SELECT cust FROM customers)
---- rows
+I[1]
+I[2]
