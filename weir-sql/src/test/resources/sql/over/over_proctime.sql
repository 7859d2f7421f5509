-- OVER aggregates ordered by a processing-time attribute (PROCTIME()) emit each row when it arrives
-- (operator ProcTimeOverAggregate), in the order rows reach it; the counts of a partition are 1, 2, 3
-- whatever that order (which rows share a frame depends on it, as in Flink; ProcTimeOverOperatorTest
-- checks frames on a set clock).
CREATE TEMPORARY VIEW t AS SELECT k, v, PROCTIME() AS pt FROM (VALUES ('a', 1), ('a', 2), ('a', 3), ('b', 4)) AS x (k, v);
SELECT k,
  COUNT(*) OVER (PARTITION BY k ORDER BY pt ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
FROM t
---- rows
+I[a, 1]
+I[a, 2]
+I[a, 3]
+I[b, 1]
