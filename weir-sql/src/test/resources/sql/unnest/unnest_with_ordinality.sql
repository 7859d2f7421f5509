-- WITH ORDINALITY adds each element's position, from 1.
SELECT id, tag, pos FROM (VALUES (1, ARRAY['a', 'b', 'c']), (2, ARRAY['d'])) AS o(id, tags)
CROSS JOIN UNNEST(tags) WITH ORDINALITY AS t(tag, pos)
---- rows
+I[1, a, 1]
+I[1, b, 2]
+I[1, c, 3]
+I[2, d, 1]
