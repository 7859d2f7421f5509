-- ARRAY_CONTAINS needs an element of the array's element type; the error points at the call.
SELECT ARRAY_CONTAINS(ARRAY[1, 2], 'one')
---- error
line 1, column 8: INTEGER is not comparable to CHAR(3)
