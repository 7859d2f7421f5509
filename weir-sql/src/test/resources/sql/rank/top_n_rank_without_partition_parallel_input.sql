-- RANK() without PARTITION BY over a parallel input: ties share a rank, so the local Top-N of each
-- subtask keeps every row ranked within N among its own rows (ties with the N-th row included).
-- Price 60: 10 rows (rank 1); price 59: ids 96, 284, 314 (rank 11); price 58 would rank 14.
CREATE TABLE gen (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '400', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '400', 'fields.price.min' = '1', 'fields.price.max' = '60', 'seed' = '7');
SELECT id, price, r FROM (
  SELECT *, RANK() OVER (ORDER BY price DESC) AS r FROM gen
) WHERE r <= 12
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
+I[96, 59, 11]
+I[284, 59, 11]
+I[314, 59, 11]
