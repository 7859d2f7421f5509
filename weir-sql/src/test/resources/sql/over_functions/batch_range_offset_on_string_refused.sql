-- A RANGE frame with an offset reaches by ORDER BY value, which a STRING has not: the validator refuses it,
-- as Flink's (Calcite's too) does; ROWS frames, and RANGE with UNBOUNDED and CURRENT ROW bounds, run.
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW t (k, s, v) AS VALUES ('a', 'x', 1), ('a', 'y', 2);
SELECT k, s, SUM(v) OVER (PARTITION BY k ORDER BY s RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS near FROM t
---- error
Data type of ORDER BY prohibits use of RANGE clause
