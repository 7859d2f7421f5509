-- JSON_VALUE (a scalar, as STRING unless RETURNING says otherwise; NULL, a DEFAULT or an error when
-- the path finds nothing or fails), JSON_QUERY (JSON text of an object or array; scalars only
-- wrapped), JSON_EXISTS, IS JSON (FALSE for NULL), JSON_OBJECT / JSON_ARRAY (nested calls embed
-- JSON, not a string; JSON_ARRAY leaves NULLs out by default) and JSON_STRING. A path without a mode
-- is lax; on a document that does not parse, a lax path finds nothing (ON EMPTY applies).
CREATE TEMPORARY VIEW t (id, j, s) AS VALUES
  (1, '{"a":1,"b":{"c":"x"},"arr":[1,2]}', 'x'),
  (2, '[1, 2]', CAST(NULL AS STRING)),
  (3, CAST(NULL AS STRING), 'z'),
  (4, 'not json', 'w');
SELECT id, JSON_VALUE(j, '$.a'), JSON_VALUE(j, '$.b.c'), JSON_VALUE(j, '$.none'),
       JSON_VALUE(j, '$.none' DEFAULT 'd' ON EMPTY), JSON_VALUE(j, '$.a' RETURNING INTEGER) + 1,
       JSON_VALUE(j, 'strict $.none' DEFAULT 'e' ON ERROR),
       JSON_QUERY(j, '$.b'), JSON_QUERY(j, '$.arr'), JSON_QUERY(j, '$.a'),
       JSON_QUERY(j, '$.a' WITH CONDITIONAL ARRAY WRAPPER), JSON_EXISTS(j, '$.b.c'), JSON_EXISTS(j, '$.zz'),
       j IS JSON, j IS JSON OBJECT, j IS JSON ARRAY, j IS NOT JSON,
       JSON_OBJECT('k' VALUE id, 'n' VALUE JSON_OBJECT('x' VALUE s)), JSON_ARRAY(id, s), JSON_ARRAY(s NULL ON NULL),
       JSON_STRING(s)
FROM t
---- rows
+I[1, 1, x, NULL, d, 2, e, {"c":"x"}, [1,2], NULL, [1], TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, {"k":1,"n":{"x":"x"}}, [1,"x"], ["x"], "x"]
+I[2, NULL, NULL, NULL, d, NULL, e, NULL, NULL, NULL, NULL, FALSE, FALSE, TRUE, FALSE, TRUE, FALSE, {"k":2,"n":{"x":null}}, [2], [null], NULL]
+I[4, NULL, NULL, NULL, d, NULL, e, NULL, NULL, NULL, NULL, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, {"k":4,"n":{"x":"w"}}, [4,"w"], ["w"], "w"]
+I[3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE, FALSE, TRUE, {"k":3,"n":{"x":"z"}}, [3,"z"], ["z"], "z"]
