-- OVERLAPS of TIME periods given by a start and an interval: the end is start + interval on the clock
-- (wrapping at midnight, as TIME + INTERVAL does in Flink).
CREATE TEMPORARY VIEW t (id, a, b) AS VALUES (1, TIME '09:00:00', TIME '09:30:00'),
  (2, TIME '09:00:00', TIME '11:00:00'), (3, TIME '10:00:00', CAST(NULL AS TIME(0)));
SELECT id, (a, INTERVAL '1' HOUR) OVERLAPS (b, INTERVAL '10' MINUTE),
       (a, INTERVAL '2' HOUR) OVERLAPS (b, b),
       a + INTERVAL '15' HOUR = TIME '00:00:00', b - INTERVAL '90' MINUTE = TIME '08:00:00'
FROM t
---- rows
+I[1, TRUE, TRUE, TRUE, TRUE]
+I[2, FALSE, TRUE, TRUE, FALSE]
+I[3, NULL, NULL, FALSE, NULL]
