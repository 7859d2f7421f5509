-- A session time zone that is no zone is refused when a statement is planned, saying what to write.
SET 'table.local-time-zone' = 'Mars/Olympus';
SELECT 1
---- error
'table.local-time-zone' is set to 'Mars/Olympus', which is no time zone; use a region such as 'Europe/Berlin'
