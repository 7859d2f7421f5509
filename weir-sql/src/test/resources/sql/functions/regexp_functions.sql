-- Java regular expressions: REGEXP_EXTRACT takes group 1 by default (0 is the whole match) and gives
-- NULL without a match; REGEXP tests for a match anywhere; REGEXP_COUNT, REGEXP_INSTR (from 1, 0 if
-- none) and REGEXP_SUBSTR read the matches; an invalid pattern gives NULL, as in Flink.
CREATE TEMPORARY VIEW t (id, s, p) AS VALUES
  (1, 'foothebar', 'foo(.*?)(bar)'),
  (2, 'a1b22c333', '[0-9]+'),
  (3, 'xyz', '(['),
  (4, CAST(NULL AS STRING), 'a');
SELECT id, REGEXP_EXTRACT(s, p), REGEXP_EXTRACT(s, p, 2), REGEXP_EXTRACT(s, p, 0), REGEXP_REPLACE(s, p, '#'),
       REGEXP(s, p), REGEXP_COUNT(s, p), REGEXP_INSTR(s, p), REGEXP_SUBSTR(s, p), REGEXP_EXTRACT_ALL(s, p)
FROM t
---- rows
+I[1, the, bar, foothebar, #, TRUE, 1, 1, foothebar, [foothebar]]
+I[2, NULL, NULL, 1, a#b#c#, TRUE, 3, 2, 1, [1, 22, 333]]
+I[3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]
+I[4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]
