-- IN of several columns outside a WHERE conjunction is refused with a hint, shown at the IN.
CREATE TEMPORARY VIEW t1 (a, b) AS VALUES (1, 2);
CREATE TEMPORARY VIEW t2 (c, d) AS VALUES (1, 2);
SELECT a, (a, b) IN (SELECT c, d FROM t2) FROM t1
---- error
at line 4, column 11:
an IN of several columns outside a WHERE conjunction
SELECT a, (a, b) IN (SELECT c, d FROM t2) FROM t1
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
