CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2);

CREATE TABLE snk (k STRING, n BIGINT)
  WITH ('connector' = 'blackhole');

-- the sum per key
INSERT INTO snk SELECT k, SUM(v) FROM t GROUP BY k ORDER BY k
---- error
at line 7, column 52: ORDER BY without LIMIT (or FETCH) is not supported on a stream: Sort
INSERT INTO snk SELECT k, SUM(v) FROM t GROUP BY k ORDER BY k
                                                   ^^^^^^^^^^
