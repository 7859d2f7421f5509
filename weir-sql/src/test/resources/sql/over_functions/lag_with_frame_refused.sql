-- LAG, LEAD and the ranks take no frame: as in Flink (whose validator is Calcite's too), ROWS/RANGE with
-- them is refused at its place.
CREATE TABLE t (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values', 'data' = '+I[a, 1, 2024-01-01 00:00:01]');
SELECT k, v, LAG(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t
---- error
line 4, column 54: ROW/RANGE not allowed with RANK, DENSE_RANK, ROW_NUMBER, PERCENTILE_CONT/DISC or LAG/LEAD functions
SELECT k, v, LAG(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t
                                                     ^^^^
