CREATE TABLE bids (item STRING, ts TIMESTAMP(3)) WITH ('connector' = 'values', 'data' = '+I[a, 2024-01-01 00:00:01]');
SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end
---- error
at line 2, column 42:
TUMBLE: DESCRIPTOR(ts) must name a time attribute
SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end
                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
