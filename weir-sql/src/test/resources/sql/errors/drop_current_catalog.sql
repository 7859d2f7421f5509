-- The current catalog cannot be dropped, as in Flink.
CREATE CATALOG c WITH ('type' = 'generic_in_memory');
USE CATALOG c;
DROP CATALOG c
---- error
Cannot drop catalog c: it is the current catalog
