-- A scalar sub-query in WHERE: its value is joined to each row (LEFT JOIN ON TRUE, as Flink plans
-- it) and the condition reads it, so rows come and go as the average changes.
CREATE TABLE bids (item STRING, price INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[a, 10]; +I[a, 30]; +I[b, 5]; -U[a, 30]; +U[a, 2]; +I[c, 9]'
);
SELECT item, price FROM bids WHERE price > (SELECT AVG(price) FROM bids) AND item <> 'b'
---- final
+I[a, 10]
+I[c, 9]
