-- INTERSECT ALL keeps a row as often as both inputs have it: min(left copies, right copies).
SELECT id FROM (VALUES (1), (1), (1), (2), (3)) AS l(id)
INTERSECT ALL
SELECT id FROM (VALUES (1), (1), (2), (2), (4)) AS r(id)
---- rows
+I[1]
+I[1]
+I[2]
