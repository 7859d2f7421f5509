-- FOR SYSTEM_TIME AS OF a PROCTIME() column against a table that cannot be looked up: Flink refuses
-- a processing-time temporal join, and so does Weir, saying what to use instead.
CREATE TABLE orders (id INT, cur STRING, pt AS PROCTIME()) WITH ('connector' = 'values', 'data' = '+I[1, EUR]');
CREATE TABLE rates (cur STRING, rate INT, PRIMARY KEY (cur) NOT ENFORCED) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur
---- error
Processing-time temporal join is not supported yet. The join of default_catalog.default_database.rates is FOR SYSTEM_TIME AS OF a PROCTIME() column, but its connector 'datagen' cannot look rows up
