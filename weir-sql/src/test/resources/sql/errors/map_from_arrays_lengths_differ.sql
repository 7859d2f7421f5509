-- MAP_FROM_ARRAYS pairs keys and values by position; arrays of different lengths fail the job.
CREATE TEMPORARY VIEW t (k, v) AS VALUES (ARRAY['a', 'b'], ARRAY[1]);
SELECT MAP_FROM_ARRAYS(k, v) FROM t
---- error
MAP_FROM_ARRAYS: the array of keys has 2 elements and the array of values 1; both must have the same length
