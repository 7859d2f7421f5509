-- A catalog option its type does not read fails naming the supported ones.
CREATE CATALOG c WITH ('type' = 'generic_in_memory', 'default-db' = 'x')
---- error
unsupported option 'default-db' for catalog type 'generic_in_memory'; supported options: [default-database]
