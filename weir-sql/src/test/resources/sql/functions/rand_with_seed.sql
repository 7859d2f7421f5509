-- RAND(seed) and RAND_INTEGER(seed, bound): two calls with the same literal seed give the same sequence,
-- as in Flink; the first values of seed 42 are Java's; a NULL seed or bound gives NULL.
CREATE TEMPORARY VIEW t (id) AS VALUES (1);
SELECT RAND(42) = RAND(42), RAND_INTEGER(7, 1000) = RAND_INTEGER(7, 1000), RAND(42), RAND_INTEGER(42, 100) BETWEEN 0 AND 99,
       RAND(CAST(NULL AS INT)), RAND_INTEGER(1, CAST(NULL AS INT)), RAND() < 1, RAND_INTEGER(10) < 10
FROM t
---- rows
+I[TRUE, TRUE, 0.7275636800328681, TRUE, NULL, NULL, TRUE, TRUE]
