-- A persisted metadata column of a sink that cannot write metadata fails the INSERT with Flink's message.
CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp') WITH ('connector' = 'blackhole');
INSERT INTO sink SELECT id, CAST(NULL AS TIMESTAMP_LTZ(3)) FROM src
---- error
Table 'default_catalog.default_database.sink' declares persistable metadata columns, but the underlying DynamicTableSink doesn't implement the SupportsWritingMetadata interface. If the column should not be persisted, it can be declared with the VIRTUAL keyword. Here: metadata column 'ts' (key 'timestamp') cannot be written by connector 'blackhole'
