-- DENSE_RANK() over an updating input (a changelog source): ties share a rank without gaps, and a
-- retraction lets the next ranks in. After the updates the totals are x 5, y 5, z 3, w 1.
CREATE TABLE totals (id STRING, total INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[x, 5]; +I[y, 9]; +I[z, 3]; -U[y, 9]; +U[y, 5]; +I[w, 1]; +I[v, 2]; -D[v, 2]'
);
SELECT id, total, d FROM (
  SELECT *, DENSE_RANK() OVER (ORDER BY total DESC) AS d FROM totals
) WHERE d <= 2
---- final
+I[x, 5, 1]
+I[y, 5, 1]
+I[z, 3, 2]
