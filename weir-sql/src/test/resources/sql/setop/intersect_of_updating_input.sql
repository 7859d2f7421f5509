-- An INTERSECT of an updating input (an aggregate) follows its retractions: user x's count passes
-- through 1 and ends at 2, so only (x, 2) and (y, 1) are left.
SELECT k, CAST(COUNT(*) AS INT) AS n FROM (VALUES ('x'), ('y'), ('x')) AS t(k) GROUP BY k
INTERSECT
SELECT k, n FROM (VALUES ('x', 2), ('y', 1), ('x', 1), ('z', 1)) AS u(k, n)
---- final
+I[x, 2]
+I[y, 1]
