-- UNION ALL of an updating input (an aggregate) and an append-only one is an updating changelog.
SELECT k, CAST(COUNT(*) AS INT) AS n FROM (VALUES ('x'), ('y'), ('x')) AS t(k) GROUP BY k
UNION ALL
SELECT k, n FROM (VALUES ('z', 7)) AS u(k, n)
---- final
+I[x, 2]
+I[y, 1]
+I[z, 7]
