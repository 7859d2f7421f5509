-- CROSS JOIN UNNEST(arr) AS t(x): one row per element of each row's array.
SELECT id, tag FROM (VALUES (1, ARRAY['a', 'b']), (2, ARRAY['c']), (3, CAST(NULL AS ARRAY<STRING>))) AS o(id, tags)
CROSS JOIN UNNEST(tags) AS t(tag)
---- rows
+I[1, a]
+I[1, b]
+I[2, c]
