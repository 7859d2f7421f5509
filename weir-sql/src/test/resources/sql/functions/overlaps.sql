-- (start1, end1 | interval1) OVERLAPS (start2, end2 | interval2): whether two periods of TIMESTAMPs (a period
-- given by its ends, in either order, or by a start and an interval) or of TIMEs share a moment; NULL when an end
-- is NULL. Flink's examples: 02:55 + 1 h overlaps 03:30 + 2 h; 09:00-10:00 does not overlap 10:15-11:00.
CREATE TEMPORARY VIEW t (id, a, b) AS VALUES (1, TIMESTAMP '2024-01-01 02:55:00', TIMESTAMP '2024-01-01 03:30:00'),
  (2, TIMESTAMP '2024-01-01 05:00:00', CAST(NULL AS TIMESTAMP(0)));
SELECT id, (a, INTERVAL '1' HOUR) OVERLAPS (b, INTERVAL '2' HOUR), (b, a) OVERLAPS (a, a),
       (TIME '09:00:00', TIME '10:00:00') OVERLAPS (TIME '10:15:00', TIME '11:00:00')
FROM t
---- rows
+I[1, TRUE, TRUE, FALSE]
+I[2, NULL, NULL, FALSE]
