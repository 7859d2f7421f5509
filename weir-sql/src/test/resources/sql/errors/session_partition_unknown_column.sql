-- SESSION's PARTITION BY must name columns of its table.
CREATE TABLE bids (item STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '');
SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY itm, DESCRIPTOR(ts), INTERVAL '5' SECOND))
---- error
SESSION: PARTITION BY itm names no column of the input table; it has [item, ts]
