-- A correlated scalar sub-query correlated by anything but equalities is refused with a hint.
CREATE TEMPORARY VIEW t1 (a) AS VALUES (1);
CREATE TEMPORARY VIEW t2 (b) AS VALUES (10);
SELECT a, (SELECT MAX(b) FROM t2 WHERE t2.b > t1.a) FROM t1
---- error
correlated conditions are equalities between the sub-query's columns and the outer query's
