-- The current database cannot be dropped, as in Flink.
CREATE DATABASE db;
USE db;
DROP DATABASE db
---- error
Cannot drop database default_catalog.db: it is the current database
