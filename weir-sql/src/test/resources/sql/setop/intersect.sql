-- INTERSECT keeps each row of the left input that the right has too, once; nulls are equal, as in SQL.
-- Both inputs are append-only, so the result is too.
SELECT id, name FROM (VALUES (1, 'a'), (2, 'b'), (2, 'b'), (3, CAST(NULL AS VARCHAR)), (4, 'd')) AS l(id, name)
INTERSECT
SELECT k, v FROM (VALUES (2, 'b'), (3, CAST(NULL AS VARCHAR)), (4, 'x'), (5, 'e')) AS r(k, v)
---- rows
+I[2, b]
+I[3, NULL]
