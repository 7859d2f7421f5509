-- LEFT JOIN UNNEST(expression) ON TRUE keeps a row whose computed collection is empty or null.
SELECT id, w FROM (VALUES (1, 'x y'), (2, CAST(NULL AS STRING))) AS o(id, s)
LEFT JOIN UNNEST(SPLIT(s, ' ')) AS t(w) ON TRUE
---- rows
+I[1, x]
+I[1, y]
+I[2, NULL]
