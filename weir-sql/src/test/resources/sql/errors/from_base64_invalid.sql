-- FROM_BASE64 of text that is not base64 fails the job with the text in the message.
CREATE TEMPORARY VIEW t (s) AS VALUES ('%%%'), ('abc=');
SELECT FROM_BASE64(s) FROM t
---- error
is not base64
