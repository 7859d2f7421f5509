-- ARRAY_AGG (NULLs kept, as Flink's RESPECT NULLS default), LISTAGG (NULLs skipped; ',' or the separator
-- given), JSON_ARRAYAGG (ABSENT ON NULL by default) and JSON_OBJECTAGG (NULL ON NULL by default; keys
-- sorted, as Flink writes them) per group, values in the order the rows arrive (one source subtask emits
-- them in order).
CREATE TABLE t (g STRING, k STRING, v INT) WITH (
  'connector' = 'values',
  'data' = '+I[a, x, 1]; +I[a, y, NULL]; +I[b, z, 3]; +I[a, w, 4]'
);
SELECT g, ARRAY_AGG(v), LISTAGG(k), LISTAGG(k, '|'), JSON_ARRAYAGG(v), JSON_ARRAYAGG(v NULL ON NULL),
       JSON_OBJECTAGG(KEY k VALUE v), JSON_OBJECTAGG(KEY k VALUE v ABSENT ON NULL)
FROM t GROUP BY g
---- final
+I[a, [1, null, 4], x,y,w, x|y|w, [1,4], [1,null,4], {"w":4,"x":1,"y":null}, {"w":4,"x":1}]
+I[b, [3], z, z, [3], [3], {"z":3}, {"z":3}]
