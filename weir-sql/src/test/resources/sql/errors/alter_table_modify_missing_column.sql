CREATE TABLE t (id INT) WITH ('connector' = 'values', 'data' = '+I[1]');
ALTER TABLE t MODIFY name STRING
---- error
ALTER TABLE t: column 'name' does not exist; the columns are [id] (use ADD for a new one)
