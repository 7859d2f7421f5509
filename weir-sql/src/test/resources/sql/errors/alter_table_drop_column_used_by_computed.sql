CREATE TABLE t (id INT, price INT, extra AS price + 100) WITH ('connector' = 'values', 'data' = '+I[1, 10]');
ALTER TABLE t DROP price
---- error
ALTER TABLE t: computed column 'extra' AS
