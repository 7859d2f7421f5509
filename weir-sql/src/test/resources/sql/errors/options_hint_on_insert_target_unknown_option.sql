CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');
INSERT INTO sink /*+ OPTIONS('k' = 'v') */ SELECT id FROM src
---- error
Unsupported option 'k' for connector 'blackhole' of table default_catalog.default_database.sink
