-- Each call of a non-deterministic function is evaluated on its own, as in Flink: two UUID() calls
-- in one expression differ, and RAND() without a seed is drawn once per call site.
CREATE TEMPORARY VIEW t (a) AS VALUES (1), (2);
SELECT a, UUID() <> UUID(), UUID() = UUID(), RAND() = RAND() AND RAND() = RAND() AND RAND() = RAND() FROM t
---- rows
+I[1, TRUE, FALSE, FALSE]
+I[2, TRUE, FALSE, FALSE]
