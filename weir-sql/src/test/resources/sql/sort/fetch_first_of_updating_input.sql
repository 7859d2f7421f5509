-- The Top-N of an aggregate follows its updates: x ends with 3 rows, so it is first.
CREATE TABLE clicks (usr STRING) WITH (
  'connector' = 'values',
  'data' = '+I[x]; +I[y]; +I[y]; +I[x]; +I[z]; +I[x]'
);
SELECT usr, COUNT(*) AS n FROM clicks GROUP BY usr ORDER BY n DESC FETCH FIRST 2 ROWS ONLY
---- final
+I[x, 3]
+I[y, 2]
