-- VALUES as a table with column names, through a temporary view.
CREATE TEMPORARY VIEW people (name, age) AS VALUES ('alice', 31), ('bob', 17), ('carol', CAST(NULL AS INT));
SELECT name, age FROM people
---- rows
+I[alice, 31]
+I[bob, 17]
+I[carol, NULL]
