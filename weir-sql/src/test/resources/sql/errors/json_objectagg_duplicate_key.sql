-- JSON_OBJECTAGG with a key that occurs twice in a group fails the job, as in Flink.
CREATE TEMPORARY VIEW t (g, k, v) AS VALUES ('a', 'x', 1), ('a', 'x', 2);
SELECT g, JSON_OBJECTAGG(KEY k VALUE v) FROM t GROUP BY g
---- error
JSON_OBJECTAGG: the key 'x' occurs twice in a group
