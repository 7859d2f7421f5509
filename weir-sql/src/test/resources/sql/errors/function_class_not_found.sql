CREATE FUNCTION nope AS 'com.example.NoSuchFunction'
---- error
Function nope: class 'com.example.NoSuchFunction' is not on the class path
