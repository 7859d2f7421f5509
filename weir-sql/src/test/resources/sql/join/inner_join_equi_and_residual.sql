-- An inner join of two append-only tables on an equality, with a remaining non-equi condition
-- and a WHERE that moves below the join; the result is append-only (+I only), whatever order the
-- two inputs arrive in. A row with a null key joins with nothing.
CREATE TABLE orders (id INT, customer INT, amount INT) WITH (
  'connector' = 'values',
  'data' = '+I[1, 10, 5]; +I[2, 10, 50]; +I[3, 20, 7]; +I[4, 30, 9]; +I[5, NULL, 1]; +I[6, 20, 70]'
);
CREATE TABLE customers (cid INT, name STRING, max_amount INT) WITH (
  'connector' = 'values',
  'data' = '+I[10, ann, 20]; +I[20, bob, 100]; +I[20, bea, 60]; +I[40, cy, 1]; +I[NULL, nil, 99]'
);
SELECT o.id, c.name, o.amount
FROM orders AS o JOIN customers AS c ON o.customer = c.cid AND o.amount <= c.max_amount
WHERE c.name <> 'cy'
---- rows
+I[1, ann, 5]
+I[3, bob, 7]
+I[3, bea, 7]
+I[6, bob, 70]
