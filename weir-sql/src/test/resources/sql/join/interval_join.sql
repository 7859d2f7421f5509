-- An interval join: the condition bounds one rowtime by the other, so rows leave the join's state
-- as the watermark passes; the result is that of the same regular join (append-only).
CREATE TABLE clicks (usr STRING, page STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, p1, 2024-01-01 00:00:01]; +I[b, p2, 2024-01-01 00:00:02]; +I[a, p3, 2024-01-01 00:00:09]; +I[a, p4, 2024-01-01 00:00:20]'
);
CREATE TABLE buys (usr STRING, item STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, x, 2024-01-01 00:00:04]; +I[a, z, 2024-01-01 00:00:10]; +I[b, y, 2024-01-01 00:00:30]'
);
SELECT c.usr, c.page, b.item
FROM clicks AS c JOIN buys AS b
ON c.usr = b.usr AND c.ts BETWEEN b.ts - INTERVAL '5' SECOND AND b.ts
---- rows
+I[a, p1, x]
+I[a, p3, z]
