-- RANK() in a Top-N: ties share a rank and the ranks after a tie are skipped, so RANK <= 2 keeps
-- every row ranked 1 or 2: for a, both 30s (rank 1) and nothing else (the 20 is rank 3); for b,
-- the 7 (rank 1) and both 5s (rank 2). The changelog's steps depend on arrival order only within an
-- item, so the rows are checked as the changelog adds them up.
CREATE TABLE bids (item STRING, price INT, bidder STRING) WITH (
  'connector' = 'values',
  'data' = '+I[a, 10, p]; +I[a, 30, q]; +I[b, 5, r]; +I[a, 20, s]; +I[a, 30, t]; +I[b, 7, u]; +I[b, 5, v]; +I[a, 1, w]'
);
SELECT item, price, bidder, r FROM (
  SELECT *, RANK() OVER (PARTITION BY item ORDER BY price DESC) AS r FROM bids
) WHERE r <= 2
---- final
+I[a, 30, q, 1]
+I[a, 30, t, 1]
+I[b, 7, u, 1]
+I[b, 5, r, 2]
+I[b, 5, v, 2]
