CREATE TEMPORARY VIEW t (a, b) AS VALUES (1, 2);
SELECT c FROM t
---- error
Column 'c' not found in any table
