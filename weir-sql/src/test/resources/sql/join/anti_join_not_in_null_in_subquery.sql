-- NOT IN against a sub-query holding a NULL is never true: no order is in the result.
CREATE TABLE orders (id INT, cust STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a]; +I[2, b]; +I[3, c]; +I[4, NULL]'
);
CREATE TABLE customers (cust STRING, vip BOOLEAN) WITH (
  'connector' = 'values',
  'data' = '+I[a, TRUE]; +I[b, FALSE]; +I[NULL, FALSE]'
);
SELECT id FROM orders WHERE cust NOT IN (SELECT cust FROM customers)
---- final
