-- CUMULATE over processing time needs a max size that is a multiple of the step.
CREATE TABLE clicks (u STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'seed' = '1');
SELECT u, window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '7' SECOND, INTERVAL '10' SECOND))
GROUP BY u, window_start, window_end
---- error
at line 3, column 45:
its max size a multiple of its step
SELECT u, window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '7' SECOND, INTERVAL '10' SECOND))
                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
