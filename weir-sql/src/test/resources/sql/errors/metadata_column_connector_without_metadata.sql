CREATE TABLE t (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp') WITH ('connector' = 'values', 'data' = '+I[1]');
SELECT * FROM t
---- error
at line 2, column 15:
Table default_catalog.default_database.t has metadata column 'ts', but connector 'values' has no metadata to read
SELECT * FROM t
              ^
