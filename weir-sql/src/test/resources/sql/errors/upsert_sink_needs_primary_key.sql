CREATE TEMPORARY VIEW t (k) AS VALUES ('a'), ('a');
CREATE TABLE counts (k STRING, n BIGINT) WITH ('connector' = 'values', 'sink-changelog-mode-enforced' = 'I,UA,D');
INSERT INTO counts
SELECT k, COUNT(*) FROM t GROUP BY k
---- error
at line 3, column 13: Table sink default_catalog.default_database.counts writes updates by
INSERT INTO counts
            ^^^^^^
