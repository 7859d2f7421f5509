-- /*+ OPTIONS(...) */ overrides the table's WITH options for that one reference: the second
-- reference of t still reads the declared rows.
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'values', 'data' = '+I[1, a]');
SELECT id, name FROM t /*+ OPTIONS('data' = '+I[2, b]; +I[3, c]') */
UNION ALL
SELECT id, name FROM t
---- rows
+I[1, a]
+I[2, b]
+I[3, c]
