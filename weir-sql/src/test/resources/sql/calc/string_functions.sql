CREATE TEMPORARY VIEW words (w) AS VALUES ('Flink'), ('  weir  '), ('SQL');
SELECT UPPER(w), LOWER(w), CHAR_LENGTH(w), SUBSTRING(w FROM 2 FOR 3), TRIM(w), POSITION('i' IN w)
FROM words WHERE w LIKE '%i%' OR w = 'SQL'
---- rows
+I[FLINK, flink, 5, lin, Flink, 3]
+I[  WEIR  ,   weir  , 8,  we, weir, 5]
+I[SQL, sql, 3, QL, SQL, 0]
