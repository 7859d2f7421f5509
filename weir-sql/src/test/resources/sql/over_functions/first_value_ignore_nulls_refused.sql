-- FIRST_VALUE and LAST_VALUE take no IGNORE NULLS / RESPECT NULLS, as in Flink (its FIRST_VALUE always skips
-- NULLs): the validator refuses the clause at its place.
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values', 'data' = '+I[a, 1, 2024-01-01 00:00:01]');
SELECT k, v, FIRST_VALUE(v) IGNORE NULLS OVER (PARTITION BY k ORDER BY ts) FROM t
---- error
line 4, column 14: Cannot specify IGNORE NULLS or RESPECT NULLS following 'FIRST_VALUE'
SELECT k, v, FIRST_VALUE(v) IGNORE NULLS OVER (PARTITION BY k ORDER BY ts) FROM t
             ^^^^^^^^^^^^^^
