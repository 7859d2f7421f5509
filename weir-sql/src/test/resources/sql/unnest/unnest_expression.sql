-- UNNEST of an expression of the joined row, as Flink allows: the collection is computed per row.
SELECT id, w, n FROM (VALUES (1, 'a,b'), (2, 'c'), (3, CAST(NULL AS STRING))) AS o(id, s)
CROSS JOIN UNNEST(SPLIT(s, ',')) AS t(w)
CROSS JOIN UNNEST(ARRAY[id, id * 10]) WITH ORDINALITY AS u(n, pos)
WHERE pos = 2
---- rows
+I[1, a, 10]
+I[1, b, 10]
+I[2, c, 20]
