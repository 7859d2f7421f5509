-- LEFT JOIN UNNEST(...) ON TRUE keeps a row whose array is empty or null, once, padded with NULL.
SELECT id, n FROM (VALUES (1, ARRAY[5, 6]), (2, CAST(NULL AS ARRAY<INT>))) AS o(id, nums)
LEFT JOIN UNNEST(nums) AS t(n) ON TRUE
---- rows
+I[1, 5]
+I[1, 6]
+I[2, NULL]
