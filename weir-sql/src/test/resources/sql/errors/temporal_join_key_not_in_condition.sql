-- The versioned table's primary key must be among the join's equalities.
CREATE TABLE orders (id INT, cur STRING, t TIMESTAMP(3), WATERMARK FOR t AS t) WITH ('connector' = 'values', 'data' = '');
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '');
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.t AS r ON o.id = r.rate
---- error
Temporal table's primary key [cur] must be included in the equivalence condition of temporal join: add default_catalog.default_database.rates.cur = ... to the ON clause
