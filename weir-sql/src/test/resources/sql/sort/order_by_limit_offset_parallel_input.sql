-- ORDER BY ... LIMIT over a parallel append-only input: each input subtask keeps its own first
-- OFFSET + LIMIT rows and forwards only those (a local Top-N); the one global Top-N ranks them.
-- The rows with price 60 are ids 10, 38, 89, 108, 228, 303, 353, 373, 378, 382.
CREATE TABLE gen (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '400', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '400', 'fields.price.min' = '1', 'fields.price.max' = '60', 'seed' = '7');
SELECT id, price FROM gen ORDER BY price DESC, id LIMIT 4 OFFSET 1
---- final
+I[38, 60]
+I[89, 60]
+I[108, 60]
+I[228, 60]
