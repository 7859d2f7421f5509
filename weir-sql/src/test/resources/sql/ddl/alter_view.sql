-- ALTER VIEW ... AS gives a view a new query; ALTER VIEW ... RENAME TO a new name.
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'values', 'data' = '+I[1, a]; +I[2, b]');
CREATE VIEW v AS SELECT id FROM t;
ALTER VIEW v AS SELECT id, UPPER(name) AS up FROM t WHERE id = 2;
ALTER VIEW v RENAME TO w;
SELECT * FROM w
---- rows
+I[2, B]
