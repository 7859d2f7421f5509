CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp') WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id, CAST(NULL AS TIMESTAMP_LTZ(3)) FROM src
---- error
INSERT INTO default_catalog.default_database.sink: the table has metadata column 'ts'; writing tables with metadata columns is not supported by Weir yet
