-- Two-phase (local-global) group aggregation: with mini-batch on, an aggregate of append-only rows
-- whose calls all merge (COUNT, SUM, MIN, MAX, COUNT(DISTINCT), FILTER) adds each batch's rows per
-- group before the exchange and merges the partials after it. Batches of 2 rows: the result adds
-- up to the one-phase result.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '2';
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2), ('a', 3), ('a', CAST(NULL AS INT)), ('b', 2),
  ('c', 9), ('a', 3), ('b', 1), ('c', 4);
SELECT k, COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), COUNT(DISTINCT v), SUM(v) FILTER (WHERE v > 1)
FROM t GROUP BY k
---- final
+I[a, 4, 3, 7, 1, 3, 2, 6]
+I[b, 3, 3, 5, 1, 2, 2, 4]
+I[c, 2, 2, 13, 4, 9, 2, 13]
