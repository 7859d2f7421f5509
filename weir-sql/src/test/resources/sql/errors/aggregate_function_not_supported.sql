CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2);
SELECT k,
  BIT_AND(v) AS n
FROM t GROUP BY k
---- error
at line 3, column 3: Aggregate function BIT_AND is not supported by Weir yet; see
  BIT_AND(v) AS n
  ^^^^^^^^^^
