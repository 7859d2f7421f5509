-- Top-N over a changelog: when a row in the first N is retracted, the next row moves up into it.
CREATE TABLE scores (player STRING, team STRING, points INT) WITH (
  'connector' = 'values',
  'changelog-mode' = 'I,UB,UA,D',
  'data' = '+I[ann, red, 10]; +I[bob, red, 20]; +I[cy, red, 5]; -U[bob, red, 20]; +U[bob, red, 1]; +I[dan, blue, 3]; -D[ann, red, 10]'
);
SELECT team, player, points FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY team ORDER BY points DESC, player) AS rn FROM scores
) WHERE rn < 3
---- final
+I[red, cy, 5]
+I[red, bob, 1]
+I[blue, dan, 3]
