-- An unknown catalog type fails listing the known ones.
CREATE CATALOG c WITH ('type' = 'hive')
---- error
Weir has no catalog of type 'hive'; known types: [generic_in_memory]
