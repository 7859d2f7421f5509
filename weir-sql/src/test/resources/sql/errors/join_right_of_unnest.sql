CREATE TEMPORARY VIEW t (id, tags) AS VALUES (1, ARRAY['a', 'b']);
SELECT id, tag
FROM t RIGHT JOIN UNNEST(t.tags) AS u(tag) ON TRUE
---- error
at line 3, column 14: A RIGHT JOIN of UNNEST(...) or LATERAL TABLE(...) cannot run, as in
FROM t RIGHT JOIN UNNEST(t.tags) AS u(tag) ON TRUE
             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
