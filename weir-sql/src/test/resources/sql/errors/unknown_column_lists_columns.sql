-- An unknown column is refused at its position, with the columns of the tables the query names.
CREATE TEMPORARY VIEW clicks (usr, page) AS VALUES ('ann', 'home');
SELECT usr, pgae FROM clicks
---- error
Column 'pgae' not found in any table; the tables have the columns clicks: [usr, page]
