-- Random values stay inside fields.#.min/max; the count follows number-of-rows.
CREATE TABLE gen (
  v INT,
  s STRING
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '50',
  'fields.v.min' = '10',
  'fields.v.max' = '20',
  'fields.s.length' = '4',
  'seed' = '1'
);
SELECT COUNT_IN_RANGE FROM (SELECT CASE WHEN v BETWEEN 10 AND 20 AND CHAR_LENGTH(s) = 4 THEN 'ok' ELSE 'bad' END AS COUNT_IN_RANGE FROM gen) WHERE COUNT_IN_RANGE = 'bad'
---- rows
