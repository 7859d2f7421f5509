-- Flink 2.x's newer string functions: BIN and HEX (an integer's digits; HEX of a string is its UTF-8 bytes,
-- upper-case), BTRIM, TRANSLATE (characters without a counterpart are removed), ELT (NULL out of range;
-- its values may be NULL), PRINTF, STARTSWITH / ENDSWITH, SUBSTRING_INDEX (all of it when there are fewer
-- delimiters), URL_ENCODE, JSON_QUOTE / JSON_UNQUOTE. A NULL argument gives NULL.
CREATE TEMPORARY VIEW t (id, n, s) AS VALUES (1, 12, 'www.apache.org'), (2, -1, '  a b  '), (3, CAST(NULL AS INT), CAST(NULL AS STRING));
SELECT id, BIN(n), HEX(n), HEX(s), BTRIM(s), BTRIM(s, 'w.org'), TRANSLATE(s, 'wapcheorg', ' APCHEcom'),
       ELT(id, 'a', 'b'), ELT(n, s, 'x'), PRINTF('%s-%d', s, n), STARTSWITH(s, 'www'), ENDSWITH(s, '  '),
       SUBSTRING_INDEX(s, '.', 2), SUBSTRING_INDEX(s, '.', -1), URL_ENCODE(s), JSON_QUOTE(s), JSON_UNQUOTE(JSON_QUOTE(s)), id * 10
FROM t
---- rows
+I[1, 1100, C, 7777772E6170616368652E6F7267, www.apache.org, apache,    .APACHE.com, a, NULL, www.apache.org-12, TRUE, FALSE, www.apache, org, www.apache.org, "www.apache.org", www.apache.org, 10]
+I[2, 1111111111111111111111111111111111111111111111111111111111111111, FFFFFFFFFFFFFFFF, 20206120622020, a b,   a b  ,   A b  , b, NULL,   a b  --1, FALSE, TRUE,   a b  ,   a b  , ++a+b++, "  a b  ",   a b  , 20]
+I[3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, null-null, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 30]
