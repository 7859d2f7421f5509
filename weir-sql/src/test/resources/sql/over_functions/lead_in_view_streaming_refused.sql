-- A view's LEAD is refused when a streaming query reads the view (the place is in the view's text, so
-- the message has none).
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('a', 2);
CREATE TEMPORARY VIEW next_v AS SELECT k, v, LEAD(v) OVER (PARTITION BY k ORDER BY v) AS nv FROM t;
SELECT * FROM next_v
---- error
LEAD Function is not supported in stream mode (as in Flink
