CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2);
SELECT k, v
FROM t
ORDER BY v DESC
---- error
at line 4, column 1: ORDER BY without LIMIT (or FETCH) is not supported on a stream: Sort
ORDER BY v DESC
^^^^^^^^^^^^^^^
