-- Split-distinct over a changelog source with deletes, with mini-batch (batches of 2): buckets
-- emptied by deletes are retracted from the group's result; the group emptied is deleted.
SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.optimizer.distinct-agg.split.bucket-num' = '3';
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '2';
CREATE TABLE t (k STRING, v INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 1]; +I[a, 2]; +I[a, 2]; +I[b, 5]; -D[a, 2]; +I[a, 3]; -D[b, 5]; -D[a, 1]; +I[c, 8]; +I[c, 8]'
);
SELECT k, COUNT(DISTINCT v) AS d, COUNT(*) AS n, MAX(v) AS hi FROM t GROUP BY k
---- final
+I[a, 2, 2, 3]
+I[c, 1, 2, 8]
