CREATE TABLE ticks (sym STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values', 'data' = '+I[a, 1, 2024-01-01 00:00:01]');
SELECT *
FROM ticks
MATCH_RECOGNIZE (PARTITION BY sym ORDER BY ts MEASURES A.price AS p PATTERN (A) DEFINE A AS A.price > 0)
---- error
at line 2, column 1: The query needs Match, which Weir's SQL runtime cannot run yet;
SELECT *
^^^^^^
