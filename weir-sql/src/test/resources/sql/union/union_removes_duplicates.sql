-- UNION (distinct) runs as UNION ALL then a group aggregate on all columns, as in Flink.
SELECT id, name FROM (VALUES (1, 'a'), (2, 'b'), (1, 'a')) AS l(id, name)
UNION
SELECT id, name FROM (VALUES (2, 'b'), (3, 'c')) AS r(id, name)
---- final
+I[1, a]
+I[2, b]
+I[3, c]
