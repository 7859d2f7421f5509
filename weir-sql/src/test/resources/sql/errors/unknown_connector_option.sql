CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', 'row-per-second' = '5');
SELECT id FROM gen
---- error
at line 2, column 16:
Unsupported option 'row-per-second' for connector 'datagen' of table default_catalog.default_database.gen; did you mean 'rows-per-second'?
SELECT id FROM gen
               ^^^
