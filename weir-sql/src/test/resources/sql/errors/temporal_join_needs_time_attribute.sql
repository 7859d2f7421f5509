-- FOR SYSTEM_TIME AS OF must name a time attribute of the probe side, not any timestamp.
CREATE TABLE orders (id INT, cur STRING, t TIMESTAMP(3)) WITH ('connector' = 'values', 'data' = '');
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '');
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.t AS r ON o.cur = r.cur
---- error
Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field: 't' in the join of default_catalog.default_database.rates is neither a rowtime
