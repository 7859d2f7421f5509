-- A LEFT lookup join pads an order whose key finds no row (an unknown key, a null key, a row the
-- rest of the condition rejects) with nulls. The probe side's PROCTIME() is computed in a view.
CREATE TABLE order_rows (id INT, cid INT) WITH (
  'connector' = 'values',
  'data' = '+I[10, 1]; +I[11, 2]; +I[12, 9]; +I[13, NULL]'
);
CREATE VIEW orders AS SELECT id, cid, PROCTIME() AS pt FROM order_rows;
CREATE TABLE customers (cid INT, name STRING, tier INT) WITH (
  'connector' = 'values',
  'data' = '+I[1, ann, 1]; +I[2, bob, 2]; +I[2, bo, 1]'
);
SELECT o.id, c.name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c
ON o.cid = c.cid AND c.tier = 1
---- rows
+I[10, ann]
+I[11, bo]
+I[12, NULL]
+I[13, NULL]
