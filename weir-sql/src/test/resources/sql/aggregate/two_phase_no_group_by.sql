-- Two-phase aggregation without GROUP BY over an aggregate (whose updates make the outer one
-- run in one phase): the inner aggregate runs in two phases, the outer in one, both mini-batched.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 h';
SET 'table.exec.mini-batch.size' = '3';
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2), ('a', 3), ('c', 5), ('b', 7), ('a', 2);
SELECT COUNT(*) AS num_groups, SUM(m) AS total_of_max FROM (SELECT k, MAX(v) AS m FROM t GROUP BY k)
---- final
+I[3, 15]
