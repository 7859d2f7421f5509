CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE dst (id INT) WITH ('connector' = 'blackhole') AS SELECT id FROM src
---- error
CREATE TABLE dst AS SELECT: the columns come from the query; declare no columns
