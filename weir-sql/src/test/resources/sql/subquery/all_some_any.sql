-- x > ALL (...), x >= ALL, x < SOME, x = ANY, x <> ALL and x <> SOME with SQL's three-valued logic:
-- ALL over no rows is TRUE, SOME/ANY over no rows FALSE; a NULL x or a NULL in the sub-query makes an
-- otherwise undecided comparison NULL. ALL is NOT (x op' SOME), as Calcite writes it.
CREATE TEMPORARY VIEW t1 (a, x) AS VALUES (1, 5), (2, 25), (3, 30), (4, CAST(NULL AS INT));
CREATE TEMPORARY VIEW t2 (g, y) AS VALUES (1, 10), (1, 20), (1, 30), (2, 10), (2, CAST(NULL AS INT));
SELECT a,
  x > ALL (SELECT y FROM t2 WHERE g = 1),
  x >= ALL (SELECT y FROM t2 WHERE g = 1),
  x < SOME (SELECT y FROM t2 WHERE g = 1),
  x = ANY (SELECT y FROM t2 WHERE g = 1),
  x <> ALL (SELECT y FROM t2 WHERE g = 1),
  x > ALL (SELECT y FROM t2 WHERE g = 2),
  x > SOME (SELECT y FROM t2 WHERE g = 2),
  x > ALL (SELECT y FROM t2 WHERE g = 3),
  x <> SOME (SELECT y FROM t2 WHERE g = 3)
FROM t1
---- final
+I[1, FALSE, FALSE, TRUE, FALSE, TRUE, FALSE, NULL, TRUE, FALSE]
+I[2, FALSE, FALSE, TRUE, FALSE, TRUE, NULL, TRUE, TRUE, FALSE]
+I[3, FALSE, TRUE, FALSE, TRUE, FALSE, NULL, TRUE, TRUE, FALSE]
+I[4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, TRUE, FALSE]
