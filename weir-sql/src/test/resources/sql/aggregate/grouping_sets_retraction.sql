-- GROUPING SETS over a changelog source: each row is counted in every grouping set (the
-- columns outside a set are NULL there, apart from a NULL value of the column, which GROUPING()
-- tells), and a retraction is taken back out of every set; a set's group whose last row goes is
-- deleted.
CREATE TABLE sales (region STRING, product STRING, amount INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[eu, tea, 10]; +I[us, tea, 5]; +I[eu, NULL, 1]; -U[eu, tea, 10]; +U[eu, tea, 7]; -D[us, tea, 5]'
);
SELECT region, product, SUM(amount) AS total, COUNT(*) AS n, GROUPING(region, product) AS g
FROM sales
GROUP BY GROUPING SETS ((region, product), (region), ())
---- final
+I[eu, tea, 7, 1, 0]
+I[eu, NULL, 1, 1, 0]
+I[eu, NULL, 8, 2, 1]
+I[NULL, NULL, 8, 2, 3]
