-- SPLIT (literal delimiter) and SPLIT_INDEX (from 0, NULL out of range), CONCAT (NULL if any part is)
-- and CONCAT_WS (skips NULL parts), padding and cutting, positions from 1 (0 if absent), REPLACE,
-- INITCAP, REVERSE, REPEAT, the IS_ tests.
CREATE TEMPORARY VIEW t (id, s, d) AS VALUES (1, 'a,b,,c', ','), (2, 'hello world', 'o'), (3, CAST(NULL AS STRING), ',');
SELECT id, SPLIT(s, d), SPLIT_INDEX(s, d, 1), SPLIT_INDEX(s, d, 5), CONCAT(s, '!', d), CONCAT_WS('|', s, CAST(NULL AS STRING), d),
       LPAD(s, 8, '*'), RPAD(s, 3, '*'), LEFT(s, 3), RIGHT(s, 2), INSTR(s, d), LOCATE(d, s, 6), REPLACE(s, d, '_'),
       INITCAP(s), REVERSE(s), REPEAT(d, 3), IS_ALPHA(d), IS_DIGIT('123'), IS_DECIMAL('1.5'), LTRIM('  x '), RTRIM(' x  ')
FROM t
---- rows
+I[1, [a, b, , c], b, NULL, a,b,,c!,, a,b,,c|,, **a,b,,c, a,b, a,b, ,c, 2, 0, a_b__c, A,B,,C, c,,b,a, ,,,, FALSE, TRUE, TRUE, x ,  x]
+I[2, [hell,  w, rld],  w, NULL, hello world!o, hello world|o, hello wo, hel, hel, ld, 5, 8, hell_ w_rld, Hello World, dlrow olleh, ooo, TRUE, TRUE, TRUE, x ,  x]
+I[3, NULL, NULL, NULL, NULL, ,, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ,,,, FALSE, TRUE, TRUE, x ,  x]
