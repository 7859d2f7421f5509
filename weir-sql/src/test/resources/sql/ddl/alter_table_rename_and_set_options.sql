-- ALTER TABLE ... SET replaces options for the statements that follow (here the rows the 'values'
-- connector reads), RESET removes one, and RENAME TO moves the table to its new name.
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'values', 'data' = '+I[1, old]');
ALTER TABLE t SET ('data' = '+I[1, a]; +I[2, b]', 'unknown-option' = 'x');
ALTER TABLE t RESET ('unknown-option');
ALTER TABLE IF EXISTS missing SET ('data' = '');
ALTER TABLE t RENAME TO t2;
SELECT id, name FROM t2
---- rows
+I[1, a]
+I[2, b]
