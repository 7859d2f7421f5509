-- DENSE_RANK() without PARTITION BY over a parallel input: a subtask's local Top-N may hold more
-- than N rows (ties), and a row after all of them can still be within N dense ranks.
-- Price 60: 10 rows (dense rank 1); price 59: ids 96, 284, 314 (dense rank 2).
CREATE TABLE gen (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '400', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '400', 'fields.price.min' = '1', 'fields.price.max' = '60', 'seed' = '7');
SELECT id, price, r FROM (
  SELECT *, DENSE_RANK() OVER (ORDER BY price DESC) AS r FROM gen
) WHERE r <= 2
---- final
+I[10, 60, 1]
+I[38, 60, 1]
+I[89, 60, 1]
+I[108, 60, 1]
+I[228, 60, 1]
+I[303, 60, 1]
+I[353, 60, 1]
+I[373, 60, 1]
+I[378, 60, 1]
+I[382, 60, 1]
+I[96, 59, 2]
+I[284, 59, 2]
+I[314, 59, 2]
