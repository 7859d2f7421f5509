-- PERCENTILE's frequency must not be negative: the job fails with a message saying so.
CREATE TEMPORARY VIEW t (v, f) AS VALUES (1, 1), (2, -3);
SELECT PERCENTILE(v, 0.5, f) FROM t
---- error
PERCENTILE: the frequency -3 is negative
