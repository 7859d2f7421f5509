-- UNNEST of a MAP gives one row per entry, with its key and value.
SELECT id, k, v FROM (VALUES (1, MAP['x', 10, 'y', 20]), (2, MAP['z', 30])) AS o(id, m)
CROSS JOIN UNNEST(m) AS t(k, v)
---- rows
+I[1, x, 10]
+I[1, y, 20]
+I[2, z, 30]
