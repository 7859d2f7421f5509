CREATE TEMPORARY VIEW t (a, b, s) AS VALUES
  (1, CAST(NULL AS INT), 'x'), (5, 2, 'yy'), (12, 3, CAST(NULL AS STRING));
SELECT a,
  CASE WHEN a < 3 THEN 'small' WHEN a < 10 THEN 'medium' ELSE 'large' END,
  COALESCE(b, -1),
  CAST(a AS STRING) || '!',
  CAST('42' AS INT) + a,
  CAST(a AS DOUBLE) / 2,
  COALESCE(s, 'none')
FROM t
---- rows
+I[1, small, -1, 1!, 43, 0.5, x]
+I[5, medium, 2, 5!, 47, 2.5, yy]
+I[12, large, 3, 12!, 54, 6.0, none]
