-- An event-time temporal join needs the versioned table's rowtime: without a WATERMARK it is refused.
CREATE TABLE orders (id INT, cur STRING, t TIMESTAMP(3), WATERMARK FOR t AS t) WITH ('connector' = 'values', 'data' = '');
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED) WITH ('connector' = 'values', 'data' = '');
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.t AS r ON o.cur = r.cur
---- error
but no row time attribute can be found. Declare a WATERMARK FOR a time column of default_catalog.default_database.rates
