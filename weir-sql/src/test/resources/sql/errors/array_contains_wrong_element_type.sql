-- ARRAY_CONTAINS needs an element of the array's element type; the error points at the call,
-- in the script's lines, with carets under it.
SELECT ARRAY_CONTAINS(ARRAY[1, 2], 'one')
---- error
line 3, column 8: INTEGER is not comparable to CHAR(3)
SELECT ARRAY_CONTAINS(ARRAY[1, 2], 'one')
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
