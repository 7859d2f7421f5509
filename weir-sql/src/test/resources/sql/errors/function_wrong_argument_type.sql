-- A built-in function called with an argument of the wrong type is refused at planning, naming the call.
CREATE TEMPORARY VIEW t (n) AS VALUES (1), (2);
SELECT ARRAY_SLICE(n, 1) FROM t
---- error
Cannot apply 'ARRAY_SLICE' to arguments of type 'ARRAY_SLICE(<INTEGER>, <INTEGER>)'
