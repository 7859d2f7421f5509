CREATE TABLE src (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
CREATE TABLE sink (id INT, doubled AS id * 2) WITH ('connector' = 'blackhole');
INSERT INTO sink (id, doubled) SELECT id, id FROM src
---- error
at line 3, column 13:
INSERT INTO default_catalog.default_database.sink: column 'doubled' is computed and cannot be written; the INSERT's columns are the persisted ones: [id]
INSERT INTO sink (id, doubled) SELECT id, id FROM src
            ^^^^
