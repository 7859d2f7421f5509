-- MAP_KEYS, MAP_VALUES and MAP_ENTRIES (an array of ROW(key, value)) in the map's order;
-- MAP_FROM_ARRAYS pairs keys and values by position; MAP_UNION lets a later map's value win;
-- STR_TO_MAP splits 'k=v,k=v'. A NULL argument gives NULL.
CREATE TEMPORARY VIEW t (id, m, k, v) AS VALUES
  (1, MAP['a', 1, 'b', 2], ARRAY['x', 'y'], ARRAY[10, 20]),
  (2, CAST(NULL AS MAP<STRING, INT>), CAST(NULL AS ARRAY<STRING>), ARRAY[1]);
SELECT id, MAP_KEYS(m), MAP_VALUES(m), MAP_ENTRIES(m), MAP_FROM_ARRAYS(k, v), MAP_UNION(m, MAP['b', 9, 'c', 3]),
       CARDINALITY(MAP_UNION(m, m)), STR_TO_MAP('a=1,b=2')['b']
FROM t
---- rows
+I[1, [a, b], [1, 2], [+I[a, 1], +I[b, 2]], {x=10, y=20}, {a=1, b=9, c=3}, 2, 2]
+I[2, NULL, NULL, NULL, NULL, NULL, NULL, 2]
