-- An ARRAY of ROWs unnests into the rows' fields, as in Flink.
SELECT id, name, qty FROM (VALUES (1, ARRAY[ROW('pen', 2), ROW('ink', 5)])) AS o(id, items)
CROSS JOIN UNNEST(items) AS t(name, qty)
---- rows
+I[1, pen, 2]
+I[1, ink, 5]
