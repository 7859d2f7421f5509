-- A scalar sub-query that returns more than one row fails the job, as in Flink.
CREATE TEMPORARY VIEW t1 (a) AS VALUES (1), (2);
CREATE TEMPORARY VIEW t2 (b) AS VALUES (10), (20);
SELECT a, (SELECT b FROM t2) FROM t1
---- error
A scalar sub-query returned more than one row
