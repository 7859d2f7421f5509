-- The BATCH mode example of docs/sql.md "OVER window functions": functions and aggregates in one window,
-- a ROWS frame around the row, the whole partition, and a window of another order (a second operator).
SET 'execution.runtime-mode' = 'batch';
CREATE TEMPORARY VIEW sales (item, seq, amount) AS VALUES ('x', 1, 10), ('x', 2, 30), ('x', 3, 20), ('y', 1, 5),
  ('y', 2, 40);
SELECT item, seq, amount,
  RANK() OVER w AS r, LEAD(amount) OVER w AS next_amount,
  SUM(amount) OVER w AS running_total,
  AVG(amount) OVER (PARTITION BY item ORDER BY seq
                    ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS smoothed,
  COUNT(*) OVER (PARTITION BY item) AS rows_of_item,
  RANK() OVER (ORDER BY amount DESC) AS overall
FROM sales
WINDOW w AS (PARTITION BY item ORDER BY seq)
---- rows
+I[x, 1, 10, 1, 30, 10, 20, 3, 4]
+I[x, 2, 30, 2, 20, 40, 20, 3, 2]
+I[x, 3, 20, 3, NULL, 60, 25, 3, 3]
+I[y, 1, 5, 1, 40, 5, 22, 2, 5]
+I[y, 2, 40, 2, NULL, 45, 22, 2, 1]
