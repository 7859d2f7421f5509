CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
SELECT id FROM gen /*+ OPTIONS('row-per-second' = '5') */
---- error
Unsupported option 'row-per-second' for connector 'datagen' of table default_catalog.default_database.gen; did you mean 'rows-per-second'?
