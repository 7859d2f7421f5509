-- A join of a group aggregate's updating result with a changelog table: -U/-D rows retract the
-- joined rows they produced, so the final rows are those of the inputs' final rows.
CREATE TABLE bids (item STRING, price INT) WITH (
  'connector' = 'values',
  'data' = '+I[x, 10]; +I[y, 5]; +I[x, 30]; +I[z, 1]'
);
CREATE TABLE items (item STRING, owner STRING) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[x, ann]; +I[y, bob]; -U[x, ann]; +U[x, cy]; +I[z, dan]; -D[z, dan]'
);
SELECT i.owner, m.item, m.top
FROM (SELECT item, MAX(price) AS top FROM bids GROUP BY item) AS m
LEFT JOIN items AS i ON m.item = i.item
---- final
+I[cy, x, 30]
+I[bob, y, 5]
+I[NULL, z, 1]
