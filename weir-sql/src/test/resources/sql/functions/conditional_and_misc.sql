-- IF, IFNULL, NULLIF, GREATEST/LEAST (NULL if any argument is), IS [NOT] DISTINCT FROM, CHR/ASCII,
-- OVERLAY, SUBSTR, PARSE_URL, STR_TO_MAP and the current time functions (not NULL).
CREATE TEMPORARY VIEW t (id, x, s) AS VALUES (1, 5, 'http://h.io/p/q.php?k1=v1&k2=v2#r'), (2, CAST(NULL AS INT), 'abc');
SELECT id, IF(x > 3, 'big', 'small'), IFNULL(x, -1), NULLIF(x, 5), GREATEST(x, 3, 9), LEAST(x, 3),
       x IS DISTINCT FROM 5, x IS NOT DISTINCT FROM CAST(NULL AS INT), CHR(97 + id), ASCII(s), OVERLAY(s PLACING 'XY' FROM 2 FOR 3),
       SUBSTR(s, 2, 3), PARSE_URL(s, 'HOST'), PARSE_URL(s, 'QUERY', 'k2'), STR_TO_MAP('a:1;b:2', ';', ':'),
       CURRENT_TIMESTAMP IS NOT NULL, LOCALTIMESTAMP IS NOT NULL, CURRENT_DATE IS NOT NULL, NOW() IS NOT NULL
FROM t
---- rows
+I[1, big, 5, NULL, 9, 3, FALSE, FALSE, b, 104, hXY://h.io/p/q.php?k1=v1&k2=v2#r, ttp, h.io, v2, {a=1, b=2}, TRUE, TRUE, TRUE, TRUE]
+I[2, small, -1, NULL, NULL, NULL, TRUE, TRUE, c, 97, aXY, bc, NULL, NULL, {a=1, b=2}, TRUE, TRUE, TRUE, TRUE]
