-- ENCODE with a character set Flink does not accept fails the job and names the ones it accepts.
CREATE TEMPORARY VIEW t (s) AS VALUES ('a');
SELECT ENCODE(s, 'EBCDIC') FROM t
---- error
ENCODE was given the character set 'EBCDIC'; use one of [US-ASCII, ISO-8859-1, UTF-8, UTF-16BE, UTF-16LE, UTF-16]
