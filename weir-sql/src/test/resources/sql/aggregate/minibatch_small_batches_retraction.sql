-- Mini-batch with batches of 2 rows over an updating input (an aggregate of an aggregate, whose
-- -U/+U rows are retracted): the result adds up to the one without mini-batch
-- (aggregate_of_aggregate.sql), groups emptied inside a batch included.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '2';
CREATE TEMPORARY VIEW t (k) AS VALUES ('a'), ('b'), ('a'), ('c'), ('c'), ('c');
SELECT cnt, COUNT(*) AS num_groups FROM (SELECT k, COUNT(*) AS cnt FROM t GROUP BY k) GROUP BY cnt
---- final
+I[1, 1]
+I[2, 1]
+I[3, 1]
