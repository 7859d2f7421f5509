-- A correlated scalar sub-query in the select list is refused at planning with a hint.
CREATE TEMPORARY VIEW t1 (a) AS VALUES (1), (2);
CREATE TEMPORARY VIEW t2 (b) AS VALUES (10), (20);
SELECT a, (SELECT MAX(b) FROM t2 WHERE b > a) FROM t1
---- error
a sub-query in the select list other than an uncorrelated scalar one
