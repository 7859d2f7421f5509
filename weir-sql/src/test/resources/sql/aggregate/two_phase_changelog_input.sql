-- Two-phase aggregation over a changelog source: the local half retracts -U/-D rows from its
-- batch's partials (counts, sums and a MIN/MAX value's count may go negative when the row was
-- counted in an earlier batch), the global half's merge applies them: the largest value retracted
-- in a later batch makes way for the next one, a group emptied across batches is deleted, and a
-- DISTINCT value goes when its last copy does. Batches of 2 rows.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '2';
CREATE TABLE t (k STRING, v INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 9]; +I[a, 3]; +I[b, 5]; +I[a, 3]; -U[a, 9]; +U[a, 4]; -D[b, 5]; -D[a, 3]; +I[c, 1]; +I[c, 2]; -D[c, 2]'
);
SELECT k, COUNT(*) AS n, SUM(v) AS s, MIN(v) AS lo, MAX(v) AS hi, COUNT(DISTINCT v) AS d FROM t GROUP BY k
---- final
+I[a, 2, 7, 3, 4, 2]
+I[c, 1, 1, 1, 1, 1]
