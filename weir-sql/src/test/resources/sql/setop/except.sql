-- EXCEPT keeps the rows of the left input that the right lacks, once. A right row arriving after its
-- left twin takes the row back, so the changelog depends on arrival order; its final rows do not.
SELECT id, name FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b'), (3, 'c')) AS l(id, name)
EXCEPT
SELECT id, name FROM (VALUES (2, 'b'), (4, 'd')) AS r(id, name)
---- final
+I[1, a]
+I[3, c]
