-- LEFT, RIGHT and FULL outer joins in one query's result: a FULL join keeps the rows of both sides
-- that join with nothing, padded with nulls. When the partner of a padded row arrives later, the
-- padded row is retracted; the final rows do not depend on the order the inputs arrive in.
CREATE TABLE l (k INT, a STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a1]; +I[2, a2]; +I[2, a2b]; +I[NULL, anull]'
);
CREATE TABLE r (k INT, b STRING) WITH (
  'connector' = 'values',
  'data' = '+I[2, b2]; +I[3, b3]; +I[NULL, bnull]'
);
SELECT l.k, a, r.k, b FROM l FULL OUTER JOIN r ON l.k = r.k
---- final
+I[1, a1, NULL, NULL]
+I[2, a2, 2, b2]
+I[2, a2b, 2, b2]
+I[NULL, anull, NULL, NULL]
+I[NULL, NULL, 3, b3]
+I[NULL, NULL, NULL, bnull]
