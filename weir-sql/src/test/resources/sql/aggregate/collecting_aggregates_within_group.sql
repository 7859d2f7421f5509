-- Flink's LISTAGG and ARRAY_AGG take no order: WITHIN GROUP (ORDER BY ...) is refused, as in Flink.
CREATE TEMPORARY VIEW t (g, s) AS VALUES ('a', 'x'), ('a', 'y');
SELECT g, LISTAGG(s, ',') WITHIN GROUP (ORDER BY s DESC) FROM t GROUP BY g
---- error
WITHIN GROUP (ORDER BY ...) are not supported, as in Flink
