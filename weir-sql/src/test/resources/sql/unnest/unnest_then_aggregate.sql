-- The unnested rows flow on like any other: here counted per tag.
SELECT tag, COUNT(*) AS n FROM (VALUES (1, ARRAY['a', 'b']), (2, ARRAY['b', 'c']), (3, ARRAY['b'])) AS o(id, tags)
CROSS JOIN UNNEST(tags) AS t(tag)
WHERE tag <> 'c'
GROUP BY tag
---- final
+I[a, 1]
+I[b, 3]
