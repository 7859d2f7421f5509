CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');
INSERT OVERWRITE sink SELECT id FROM src
---- error
INSERT OVERWRITE default_catalog.default_database.sink: overwriting runs in BATCH mode only, as in Flink
