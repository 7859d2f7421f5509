-- CUMULATE and HOP on a TIMESTAMP_LTZ rowtime are aligned to the session zone's days too (America/New_York,
-- UTC-5 in January): the day's windows grow from local midnight by 12 hours (the row at 23:00 local on Dec 31 is in
-- that day's full window only); the 1-day HOP every 12 hours
-- starts at local midnight and noon. A window Top-N over them numbers each window's rows. (The data's
-- times are UTC.)
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'America/New_York';
CREATE TABLE bids (price INT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'values',
  'data' = '+I[1, 2024-01-01 04:00:00]; +I[2, 2024-01-01 06:00:00]; +I[4, 2024-01-01 18:00:00]; +I[8, 2024-01-02 06:00:00]'
);
SELECT 'cumulate' AS w, window_start, window_end, SUM(price) AS total
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '12' HOUR, INTERVAL '1' DAY))
GROUP BY window_start, window_end
UNION ALL
SELECT 'hop', window_start, window_end, SUM(price)
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '12' HOUR, INTERVAL '1' DAY))
GROUP BY window_start, window_end
UNION ALL
SELECT 'top', window_start, window_end, price FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
  FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' DAY))
) WHERE rn = 1
---- rows
+I[cumulate, 2023-12-31 00:00:00, 2024-01-01 00:00:00, 1]
+I[cumulate, 2024-01-01 00:00:00, 2024-01-01 12:00:00, 2]
+I[cumulate, 2024-01-01 00:00:00, 2024-01-02 00:00:00, 6]
+I[cumulate, 2024-01-02 00:00:00, 2024-01-02 12:00:00, 8]
+I[cumulate, 2024-01-02 00:00:00, 2024-01-03 00:00:00, 8]
+I[hop, 2023-12-31 00:00:00, 2024-01-01 00:00:00, 1]
+I[hop, 2023-12-31 12:00:00, 2024-01-01 12:00:00, 3]
+I[hop, 2024-01-01 00:00:00, 2024-01-02 00:00:00, 6]
+I[hop, 2024-01-01 12:00:00, 2024-01-02 12:00:00, 12]
+I[hop, 2024-01-02 00:00:00, 2024-01-03 00:00:00, 8]
+I[top, 2023-12-31 00:00:00, 2024-01-01 00:00:00, 1]
+I[top, 2024-01-01 00:00:00, 2024-01-02 00:00:00, 4]
+I[top, 2024-01-02 00:00:00, 2024-01-03 00:00:00, 8]
