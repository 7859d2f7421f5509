-- FROM UNNEST(ARRAY[...]) of constants, with no table to join: its elements are the rows.
SELECT x * 2 AS doubled FROM UNNEST(ARRAY[1, 2, 3]) AS t(x)
---- rows
+I[2]
+I[4]
+I[6]
