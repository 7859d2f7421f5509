-- INTERSECT and EXCEPT need inputs with the same number of columns.
SELECT 1, 2
EXCEPT
SELECT 1
---- error
Column count mismatch in EXCEPT
