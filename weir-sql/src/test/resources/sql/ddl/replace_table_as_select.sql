-- REPLACE TABLE ... AS SELECT (without CREATE OR) replaces an existing table by the query's columns
-- and runs the INSERT, as in Flink.
CREATE TABLE src (id INT, name STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a]; +I[2, b]'
);
CREATE TABLE dst (x STRING) WITH ('connector' = 'blackhole');
REPLACE TABLE dst WITH ('connector' = 'blackhole') AS SELECT id, UPPER(name) AS label FROM src;
DESCRIBE dst
---- rows
+I[id, INT, TRUE, NULL, NULL, NULL]
+I[label, STRING, TRUE, NULL, NULL, NULL]
