CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp') WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id, CAST(NULL AS TIMESTAMP_LTZ(3)) FROM src
---- error
Table default_catalog.default_database.sink has metadata column 'ts' to write (key 'timestamp'), but connector 'blackhole' cannot write metadata; declare the column VIRTUAL if it is only read
