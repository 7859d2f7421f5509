CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2);
SELECT k, SUM(v) OVER (PARTITION BY k ORDER BY v) FROM t
---- error
OVER aggregates need ORDER BY the input's rowtime column
