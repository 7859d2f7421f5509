-- Hashes as lower-case hex digits (SHA2 by bit length; NULL for another length, as in Flink),
-- base64 of the UTF-8 bytes and back; a NULL argument gives NULL.
CREATE TEMPORARY VIEW t (id, s, bits) AS VALUES (1, 'abc', 224), (2, CAST(NULL AS STRING), 256), (3, 'abc', 100);
SELECT id, MD5(s), SHA1(s), SHA256(s), SHA2(s, bits), TO_BASE64(s), FROM_BASE64(TO_BASE64(s))
FROM t
---- rows
+I[1, 900150983cd24fb0d6963f7d28e17f72, a9993e364706816aba3e25717850c26c9cd0d89d, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, 23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7, YWJj, abc]
+I[2, NULL, NULL, NULL, NULL, NULL, NULL]
+I[3, 900150983cd24fb0d6963f7d28e17f72, a9993e364706816aba3e25717850c26c9cd0d89d, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, NULL, YWJj, abc]
