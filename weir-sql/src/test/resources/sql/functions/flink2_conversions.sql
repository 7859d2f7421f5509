-- UNHEX (NULL for a character that is no hex digit), ENCODE / DECODE in Flink's character sets, TRY_CAST
-- (NULL instead of a failed job), TYPEOF (the argument's Flink type; with TRUE its serializable form),
-- UUID() written plainly, CURRENT_DATABASE(), CURRENT_CATALOG, CURRENT_ROW_TIMESTAMP().
CREATE TEMPORARY VIEW t (id, s, h) AS VALUES (1, 'héllo', '68656C6C6F'), (2, '42', '4142'), (3, CAST(NULL AS STRING), 'zz');
SELECT id, UNHEX(h), DECODE(UNHEX(h), 'UTF-8'), ENCODE(s, 'UTF-16BE'), DECODE(ENCODE(s, 'ISO-8859-1'), 'iso-8859-1'),
       TRY_CAST(s AS INT), TRY_CAST(h AS DOUBLE), COALESCE(TRY_CAST(s AS INT), 0), TYPEOF(id), TYPEOF(s), TYPEOF(s, TRUE),
       TYPEOF(TRY_CAST(s AS INT)), CHAR_LENGTH(UUID()), SUBSTRING(UUID(), 15, 1), CURRENT_DATABASE(), CURRENT_CATALOG,
       CURRENT_ROW_TIMESTAMP() IS NOT NULL
FROM t
---- rows
+I[1, x'68656c6c6f', hello, x'006800e9006c006c006f', héllo, NULL, NULL, 0, INT NOT NULL, STRING, VARCHAR(2147483647), INT, 36, 4, default_database, default_catalog, TRUE]
+I[2, x'4142', AB, x'00340032', 42, 42, 4142.0, 42, INT NOT NULL, STRING, VARCHAR(2147483647), INT, 36, 4, default_database, default_catalog, TRUE]
+I[3, NULL, NULL, NULL, NULL, NULL, NULL, 0, INT NOT NULL, STRING, VARCHAR(2147483647), INT, 36, 4, default_database, default_catalog, TRUE]
