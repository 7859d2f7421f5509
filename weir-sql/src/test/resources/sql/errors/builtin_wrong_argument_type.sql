-- A Flink 2.x built-in called with an argument of the wrong type is refused at planning, naming the call.
CREATE TEMPORARY VIEW t (n, s) AS VALUES (1, 'a');
SELECT s, BIN(ARRAY[n]) FROM t
---- error
Cannot apply 'BIN' to arguments of type 'BIN(<INTEGER ARRAY>)'
