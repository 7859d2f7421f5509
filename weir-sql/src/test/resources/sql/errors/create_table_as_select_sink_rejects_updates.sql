CREATE TEMPORARY VIEW t (k) AS VALUES ('a'), ('a');
CREATE TABLE appendonly
WITH ('connector' = 'values')
AS SELECT k, COUNT(*) AS n FROM t GROUP BY k
---- error
at line 2, column 14: Table sink default_catalog.default_database.appendonly (connector
CREATE TABLE appendonly
             ^^^^^^^^^^
