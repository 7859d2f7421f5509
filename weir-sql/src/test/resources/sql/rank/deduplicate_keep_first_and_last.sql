-- Deduplication: rn = 1 ordered by time keeps each key's first row (ASC) or last row (DESC).
CREATE TABLE events (id INT, v STRING, ts TIMESTAMP(3)) WITH (
  'connector' = 'values',
  'data' = '+I[1, a, 2024-01-01 00:00:01]; +I[2, b, 2024-01-01 00:00:02]; +I[1, c, 2024-01-01 00:00:03]; +I[1, d, 2024-01-01 00:00:04]; +I[2, e, 2024-01-01 00:00:01]'
);
SELECT f.id, f.v AS first_v, l.v AS last_v
FROM (SELECT id, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts ASC) AS rn FROM events) WHERE rn = 1) AS f
JOIN (SELECT id, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM events) WHERE rn = 1) AS l
ON f.id = l.id
---- final
+I[1, a, d]
+I[2, e, b]
