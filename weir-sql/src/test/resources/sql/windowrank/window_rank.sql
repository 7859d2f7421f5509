-- RANK() in a window Top-N: ties share a number and the numbers after a tie are skipped (1, 1, 3),
-- so RANK <= 2 keeps only the tie for first.
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (item STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[a, 5, 2024-01-01 00:00:01]; +I[c, 3, 2024-01-01 00:00:02]; +I[b, 5, 2024-01-01 00:00:03]; +I[d, 3, 2024-01-01 00:00:04]; +I[e, 1, 2024-01-01 00:00:05]'
);
SELECT item, price, r FROM (
  SELECT *, RANK() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS r
  FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
) WHERE r <= 2
---- rows
+I[a, 5, 1]
+I[b, 5, 1]
