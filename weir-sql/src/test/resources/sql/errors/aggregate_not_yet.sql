CREATE TEMPORARY VIEW t (a, b) AS VALUES (1, 2);
SELECT a, COUNT(*) FROM t GROUP BY a
---- error
which Weir's SQL runtime cannot run yet
