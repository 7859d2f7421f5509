-- ELEMENT takes an array of at most one element; more fail the job with a message naming the array.
CREATE TEMPORARY VIEW t (a) AS VALUES (ARRAY[1, 2]), (ARRAY[3, 4]);
SELECT ELEMENT(a) FROM t
---- error
has 2 elements, but ELEMENT takes an array of at most one
