-- REPLACE TABLE ... AS SELECT needs the table to exist, as in Flink.
REPLACE TABLE nope WITH ('connector' = 'blackhole') AS SELECT 1 AS x
---- error
the table default_catalog.default_database.nope to be replaced does not exist
