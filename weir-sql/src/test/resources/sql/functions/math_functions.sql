-- Numeric functions: POWER, SQRT, LN, LOG10, LOG2 and LOG(base, x) (DOUBLE; NULL outside their
-- domain), EXP, ROUND (half away from zero) and TRUNCATE to places (a DECIMAL(4, 3) rounded to 2 places is
-- DECIMAL(4, 2), truncated to 1 place DECIMAL(3, 1), as in Flink), CEIL/FLOOR, SIGN, trigonometry.
CREATE TEMPORARY VIEW t (id, x, d) AS VALUES (1, 8, 2.345), (2, -2, -2.5), (3, CAST(NULL AS INT), CAST(NULL AS DECIMAL(4, 3)));
SELECT id, POWER(x, 2), SQRT(CAST(x AS DOUBLE) * x), LOG10(x * 125.0), LOG2(x), LOG(2, x), ROUND(d, 2), TRUNCATE(d, 1),
       CEIL(d), FLOOR(d), SIGN(x), ABS(d), COS(x - x), DEGREES(PI()) / 180
FROM t
---- rows
+I[1, 64.0, 8.0, 3.0, 3.0, 3.0, 2.35, 2.3, 3, 2, 1, 2.345, 1.0, 1.0]
+I[2, 4.0, 2.0, NULL, NULL, NULL, -2.50, -2.5, -2, -3, -1, 2.500, 1.0, 1.0]
+I[3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1.0]
