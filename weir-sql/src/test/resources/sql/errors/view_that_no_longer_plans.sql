CREATE TABLE src (a INT, b STRING) WITH ('connector' = 'values', 'data' = '+I[1, x]');
CREATE VIEW v AS SELECT a, b FROM src;
DROP TABLE src;
CREATE TABLE src (a INT) WITH ('connector' = 'values', 'data' = '+I[1]');
SELECT src.a
FROM src JOIN v ON src.a = v.a
---- error
at line 6, column 15: View default_catalog.default_database.v does not plan any more: SQL
FROM src JOIN v ON src.a = v.a
              ^
