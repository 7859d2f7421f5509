-- Keep-first deduplication on processing time (ROW_NUMBER() ... ORDER BY a PROCTIME() attribute, rn = 1)
-- is append-only, as in Flink (operator ProcTimeDeduplicate): each key's first row to arrive is emitted
-- as +I at once and later rows of the key are dropped, never retracting it. (Key a's rows are equal, so
-- the result does not depend on which arrives first.)
CREATE TEMPORARY VIEW t AS SELECT k, v, PROCTIME() AS pt FROM (VALUES ('a', 1), ('a', 1), ('b', 2), ('a', 1)) AS x (k, v);
SELECT k, v, rn FROM (
  SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt) AS rn FROM t
) WHERE rn = 1
---- rows
+I[a, 1, 1]
+I[b, 2, 1]
