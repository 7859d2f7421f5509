-- An aggregate over an updating aggregate retracts the old counts. At parallelism 2 the inner
-- groups' updates interleave in any order, so the test checks the result they add up to.
CREATE TEMPORARY VIEW t (k) AS VALUES ('a'), ('b'), ('a'), ('c'), ('c'), ('c');
SELECT cnt, COUNT(*) AS num_groups FROM (SELECT k, COUNT(*) AS cnt FROM t GROUP BY k) GROUP BY cnt
---- final
+I[1, 1]
+I[2, 1]
+I[3, 1]
