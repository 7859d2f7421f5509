CREATE TABLE gen (
  id BIGINT,
  name STRING
) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '10',
  'fields.name.length' = '3',
  'seed' = '7'
);
SELECT id, id % 3 AS r FROM gen WHERE id > 6
---- rows
+I[7, 1]
+I[8, 2]
+I[9, 0]
+I[10, 1]
