-- Flink 2.x's JSON_UNQUOTE (escapes resolved; text that is no JSON string comes back as it is),
-- URL_DECODE (NULL when not validly encoded), JSON_QUOTE's escapes, ELT with NULL values, STARTSWITH and
-- ENDSWITH of bytes, SUBSTRING_INDEX's edge cases, UNHEX of an odd number of digits, E().
CREATE TEMPORARY VIEW t (id, j, u) AS VALUES (1, '"a\"b\\c\u00e9"', 'a%20b+c'), (2, '[1, 2]', '%zz'), (3, 'plain', CAST(NULL AS STRING));
SELECT id, JSON_UNQUOTE(j), URL_DECODE(u), JSON_QUOTE('a/b"c' || CHR(10)), ELT(id, CAST(NULL AS STRING), 'y', 'z'),
       STARTSWITH(UNHEX('0A0B0C'), UNHEX('0A0B')), ENDSWITH(UNHEX('0A0B0C'), UNHEX('0B')), SUBSTRING_INDEX('a.b.c', '.', 0),
       SUBSTRING_INDEX('a.b.c', '.', -2), SUBSTRING_INDEX('a.b.c', '', 1), UNHEX('abc'), ROUND(E(), 5)
FROM t
---- rows
+I[1, a"b\cé, a b c, "a\/b\"c\n", NULL, TRUE, FALSE, , b.c, , x'0abc', 2.71828]
+I[2, [1, 2], NULL, "a\/b\"c\n", y, TRUE, FALSE, , b.c, , x'0abc', 2.71828]
+I[3, plain, NULL, "a\/b\"c\n", z, TRUE, FALSE, , b.c, , x'0abc', 2.71828]
