-- UNION ALL merges the inputs' rows, duplicates kept, each with its change kind.
SELECT id, name FROM (VALUES (1, 'a'), (2, 'b')) AS l(id, name)
UNION ALL
SELECT id, name FROM (VALUES (2, 'b'), (3, 'c')) AS r(id, name)
---- rows
+I[1, a]
+I[2, b]
+I[2, b]
+I[3, c]
