-- A LEFT join keeps every left row; a condition on the right side in ON only restricts partners.
CREATE TABLE l (k INT, a STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a1]; +I[2, a2]; +I[3, a3]'
);
CREATE TABLE r (k BIGINT, b INT) WITH (
  'connector' = 'values',
  'data' = '+I[1, 10]; +I[1, 11]; +I[2, 1]; +I[4, 40]'
);
SELECT a, b FROM l LEFT JOIN r ON l.k = r.k AND r.b > 5
---- final
+I[a1, 10]
+I[a1, 11]
+I[a2, NULL]
+I[a3, NULL]
