-- CREATE TABLE ... AS SELECT takes its columns (names and types) from the query and runs an
-- INSERT INTO the new table; DESCRIBE shows the derived schema.
CREATE TABLE src (id INT, name STRING, price DECIMAL(10, 2)) WITH (
  'connector' = 'values',
  'data' = '+I[1, a, 1.50]; +I[2, b, 2.25]'
);
CREATE TABLE dst WITH ('connector' = 'blackhole') AS
SELECT id, name AS label, price * 2 AS doubled FROM src WHERE id > 1;
DESCRIBE dst
---- rows
+I[id, INT, TRUE, NULL, NULL, NULL]
+I[label, STRING, TRUE, NULL, NULL, NULL]
+I[doubled, DECIMAL(21, 2), TRUE, NULL, NULL, NULL]
