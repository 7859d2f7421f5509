-- A scalar sub-query correlated by anything but equalities (here b > a) is refused at planning with a hint.
CREATE TEMPORARY VIEW t1 (a) AS VALUES (1), (2);
CREATE TEMPORARY VIEW t2 (b) AS VALUES (10), (20);
SELECT a, (SELECT MAX(b) FROM t2 WHERE b > a) FROM t1
---- error
correlated conditions are equalities between the sub-query's columns and the outer query's
