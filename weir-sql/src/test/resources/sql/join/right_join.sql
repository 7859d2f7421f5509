-- A RIGHT join keeps every right row, and joins duplicates as many times as they occur.
CREATE TABLE l (k INT, a STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, a1]; +I[1, a1]; +I[5, a5]'
);
CREATE TABLE r (k INT, b STRING) WITH (
  'connector' = 'values',
  'data' = '+I[1, b1]; +I[2, b2]'
);
SELECT a, b FROM l RIGHT JOIN r ON l.k = r.k
---- final
+I[a1, b1]
+I[a1, b1]
+I[NULL, b2]
