-- CURRENT_WATERMARK takes the rowtime column, a TIMESTAMP or TIMESTAMP_LTZ; another argument is refused at planning.
CREATE TEMPORARY VIEW t (n) AS VALUES (1);
SELECT CURRENT_WATERMARK(n) FROM t
---- error
Cannot apply 'CURRENT_WATERMARK' to arguments of type 'CURRENT_WATERMARK(<INTEGER>)'
