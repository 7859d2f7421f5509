-- An OPTIONS hint belongs on a table: on a view it is an error (as in Flink), not a hint that
-- is silently dropped; the error points at the hinted reference.
CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TEMPORARY VIEW v AS SELECT id FROM gen;
SELECT id FROM v /*+ OPTIONS('number-of-rows' = '1') */
---- error
line 5, column 16: View default_catalog.default_database.v cannot take an OPTIONS hint: hints can only be applied to tables; put the hint on the table inside the view's query, or create a view that reads the table with the hint
SELECT id FROM v /*+ OPTIONS('number-of-rows' = '1') */
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
