CREATE TEMPORARY VIEW t (k) AS VALUES ('a'), ('a');
CREATE TABLE append_only (k STRING, n BIGINT) WITH ('connector' = 'values');
INSERT INTO append_only SELECT k, COUNT(*) FROM t GROUP BY k
---- error
at line 3, column 13:
takes only [+I] rows, but the query produces [+I, -U, +U, -D] rows: GroupAggregate
INSERT INTO append_only SELECT k, COUNT(*) FROM t GROUP BY k
            ^^^^^^^^^^^
