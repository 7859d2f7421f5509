-- NOT EXISTS runs as an anti join: an order is emitted while no customer matches it, and taken back
-- (-D) if one arrives later, so the changelog depends on arrival order; what it adds up to does not.
-- The order with a NULL customer matches no one (=), so it stays.
CREATE TABLE orders (id INT, cust STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a]; +I[2, b]; +I[3, c]; +I[4, NULL]'
);
CREATE TABLE customers (cust STRING, vip BOOLEAN) WITH (
  'connector' = 'values',
  'data' = '+I[a, TRUE]; +I[b, FALSE]; +I[NULL, FALSE]'
);
SELECT id FROM orders o WHERE NOT EXISTS (SELECT * FROM customers c WHERE c.cust = o.cust)
---- final
+I[3]
+I[4]
