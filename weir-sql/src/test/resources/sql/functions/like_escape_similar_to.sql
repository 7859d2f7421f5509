-- LIKE ... ESCAPE (the escape character makes the next % or _ literal) and SIMILAR TO (SQL's regular
-- expressions over the whole string, with ESCAPE too); NULL for a NULL string.
CREATE TEMPORARY VIEW t (id, s) AS VALUES (1, '50% off'), (2, '50 off'), (3, 'abc'), (4, CAST(NULL AS STRING));
SELECT id, s LIKE '50!%%' ESCAPE '!', s NOT LIKE '%!_%' ESCAPE '!', s SIMILAR TO '(50|ab)%', s SIMILAR TO '[a-c]+',
       s NOT SIMILAR TO '50#% off' ESCAPE '#'
FROM t
---- rows
+I[1, TRUE, TRUE, TRUE, FALSE, FALSE]
+I[2, FALSE, TRUE, TRUE, FALSE, TRUE]
+I[3, FALSE, TRUE, TRUE, TRUE, TRUE]
+I[4, NULL, NULL, NULL, NULL, NULL]
