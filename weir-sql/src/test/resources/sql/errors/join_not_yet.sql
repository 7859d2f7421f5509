CREATE TEMPORARY VIEW t (a, b) AS VALUES (1, 2);
SELECT * FROM t AS x JOIN t AS y ON x.a = y.a
---- error
which Weir's SQL runtime cannot run yet
