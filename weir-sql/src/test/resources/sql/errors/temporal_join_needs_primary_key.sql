-- An event-time temporal join needs a versioned table: one without a primary key is refused with
-- Flink's message and what to declare.
CREATE TABLE orders (id INT, cur STRING, t TIMESTAMP(3), WATERMARK FOR t AS t) WITH ('connector' = 'values', 'data' = '');
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '');
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.t AS r ON o.cur = r.cur
---- error
at line 5, column 43:
Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no primary key found. Declare one on default_catalog.default_database.rates
SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.t AS r ON o.cur = r.cur
                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
