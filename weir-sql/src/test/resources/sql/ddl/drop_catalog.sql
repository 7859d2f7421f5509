-- DROP CATALOG removes a catalog that is not current; IF EXISTS ignores a missing one.
CREATE CATALOG a WITH ('type' = 'generic_in_memory');
CREATE CATALOG IF NOT EXISTS a WITH ('type' = 'generic_in_memory');
CREATE CATALOG b WITH ('type' = 'generic_in_memory');
DROP CATALOG a;
DROP CATALOG IF EXISTS a;
SHOW CATALOGS
---- rows
+I[b]
+I[default_catalog]
