-- Arrays: ARRAY[...] builds one, CARDINALITY counts its elements, arr[i] reads the i-th (from 1;
-- NULL out of range), ARRAY_CONTAINS asks for an element (a NULL one too); a NULL array gives NULL.
-- map[key] reads a MAP's value (NULL when absent) and CARDINALITY counts its entries.
SELECT id, CARDINALITY(tags) AS n, tags[1] AS first, tags[3] AS third, ARRAY_CONTAINS(tags, 'red') AS red,
       ARRAY_CONTAINS(tags, CAST(NULL AS VARCHAR)) AS has_null, nums[2] + 1 AS second_plus_one,
       m['a'] AS a, CARDINALITY(m) AS entries
FROM (VALUES
  (1, ARRAY['red', 'blue'], ARRAY[10, 20], MAP['a', 1, 'b', 2]),
  (2, ARRAY['green', CAST(NULL AS VARCHAR), 'red'], ARRAY[30], MAP['b', 3]),
  (3, CAST(NULL AS ARRAY<VARCHAR>), ARRAY[40, 50], MAP['a', 4])
) AS t(id, tags, nums, m)
---- rows
+I[1, 2, red, NULL, TRUE, FALSE, 21, 1, 2]
+I[2, 3, green, red, TRUE, TRUE, NULL, NULL, 1]
+I[3, NULL, NULL, NULL, NULL, NULL, 51, 4, 1]
