-- EXCEPT ALL keeps a row as often as the left has it more than the right: max(left - right, 0) copies.
SELECT id FROM (VALUES (1), (1), (1), (2), (3), (3)) AS l(id)
EXCEPT ALL
SELECT id FROM (VALUES (1), (2), (2), (3), (3), (5)) AS r(id)
---- final
+I[1]
+I[1]
