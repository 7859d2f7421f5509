-- ARRAY_SLICE(arr, start[, end]): both ends included, from 1 (0 is the start too), negative from the
-- end; empty when start is after end. ARRAY_SORT sorts ascending with NULLs first unless told;
-- ARRAY_JOIN leaves NULL elements out unless given a replacement; ELEMENT takes an array of one.
-- Any NULL argument gives NULL.
CREATE TEMPORARY VIEW t (id, a, s) AS VALUES
  (1, ARRAY[5, 1, CAST(NULL AS INT), 4], ARRAY['x', CAST(NULL AS STRING), 'z']),
  (2, ARRAY[7], ARRAY['only']),
  (3, CAST(NULL AS ARRAY<INT>), CAST(NULL AS ARRAY<STRING>));
SELECT id, ARRAY_SLICE(a, 2, 3), ARRAY_SLICE(a, -2), ARRAY_SLICE(a, 0, 1), ARRAY_SLICE(a, 3, 2),
       ARRAY_SORT(a), ARRAY_SORT(a, FALSE), ARRAY_SORT(a, TRUE, FALSE),
       ARRAY_JOIN(s, '-'), ARRAY_JOIN(s, '-', '?'), ELEMENT(ARRAY_SLICE(a, 1, 1))
FROM t
---- rows
+I[1, [1, null], [null, 4], [5], [], [null, 1, 4, 5], [5, 4, 1, null], [1, 4, 5, null], x-z, x-?-z, 5]
+I[2, [], [7], [7], [], [7], [7], [7], only, only, 7]
+I[3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]
