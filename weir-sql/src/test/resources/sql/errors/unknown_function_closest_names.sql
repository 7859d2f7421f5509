-- An unknown function is refused at its position with the closest names of the functions that exist.
CREATE TEMPORARY VIEW t (a) AS VALUES (ARRAY[1, 2]);
SELECT ARRAY_APEND(a, 3) FROM t
---- error
did you mean ARRAY_APPEND
