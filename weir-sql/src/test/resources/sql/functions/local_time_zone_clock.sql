-- The wall-clock functions read the session time zone: at UTC+14 (Pacific/Kiritimati) LOCALTIMESTAMP agrees
-- with CURRENT_TIMESTAMP shown there, and is 14 hours (840 minutes) ahead of the same instant shown in UTC.
SET 'table.local-time-zone' = 'Pacific/Kiritimati';
CREATE TEMPORARY VIEW t (id) AS VALUES (1);
SELECT ABS(TIMESTAMPDIFF(MINUTE, LOCALTIMESTAMP, CAST(CURRENT_TIMESTAMP AS TIMESTAMP(3)))) < 2,
       ABS(TIMESTAMPDIFF(MINUTE, LOCALTIMESTAMP, TO_TIMESTAMP(DATE_FORMAT_TZ(NOW(), 'yyyy-MM-dd HH:mm:ss', 'UTC')))) BETWEEN 839 AND 841,
       CURRENT_DATE = CAST(CURRENT_TIMESTAMP AS DATE) OR HOUR(LOCALTIMESTAMP) = 0
FROM t
---- rows
+I[TRUE, TRUE, TRUE]
