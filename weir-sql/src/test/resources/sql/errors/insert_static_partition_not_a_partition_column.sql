CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'blackhole');
INSERT INTO sink PARTITION (id = 1) SELECT dt FROM (VALUES ('x')) AS v(dt)
---- error
PARTITION (id = ...): 'id' is not a partition column of the table; its partition columns are [dt]
