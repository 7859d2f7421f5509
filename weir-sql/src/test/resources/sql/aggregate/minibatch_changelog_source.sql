-- Mini-batch over a changelog source with deletes: a group whose rows are all taken back within
-- one batch sends nothing; one emptied across batches is deleted (-D). Batches of 3 rows.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';
CREATE TABLE t (k STRING, v INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 1]; +I[b, 5]; -D[b, 5]; +I[c, 7]; -D[a, 1]; +I[c, 1]; -D[x, 9]'
);
SELECT k, COUNT(*) AS n, SUM(v) AS s, MAX(v) AS m FROM t GROUP BY k
---- final
+I[c, 2, 8, 7]
