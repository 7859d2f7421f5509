CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');
INSERT INTO sink /*+ OPTIONS('k' = 'v') */ SELECT id FROM src
---- error
hints on the table an INSERT writes are not supported by Weir yet
