-- ADD, MODIFY, DROP and RENAME of columns as Flink 2.x has them; FIRST and AFTER place a column.
CREATE TABLE t (id INT, price INT, extra AS price + 100) WITH (
  'connector' = 'values',
  'data' = '+I[1, 10]; +I[2, 20]'
);
ALTER TABLE t DROP extra;
ALTER TABLE t RENAME price TO cost;
ALTER TABLE t ADD doubled AS cost * 2 AFTER id;
ALTER TABLE t ADD (big_id AS id * 1000 FIRST);
ALTER TABLE t MODIFY doubled AS cost * 3;
SELECT * FROM t
---- rows
+I[1000, 1, 30, 10]
+I[2000, 2, 60, 20]
