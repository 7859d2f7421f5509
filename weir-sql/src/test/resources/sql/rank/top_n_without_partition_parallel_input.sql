-- Top-N without PARTITION BY over a parallel append-only input: a local Top-N per input subtask
-- forwards only its own first N rows to the one subtask that ranks them all.
-- The rows with price 60 are ids 10, 38, 89, 108, 228, 303, 353, 373, 378, 382.
CREATE TABLE gen (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '400', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '400', 'fields.price.min' = '1', 'fields.price.max' = '60', 'seed' = '7');
SELECT id, price, rn FROM (
  SELECT *, ROW_NUMBER() OVER (ORDER BY price DESC, id DESC) AS rn FROM gen
) WHERE rn <= 3
---- final
+I[382, 60, 1]
+I[378, 60, 2]
+I[373, 60, 3]
