package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.tuple.Tuple2;
import io.weir.testutils.MiniClusterExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the job's logic on an embedded cluster shared by the tests of this class. */
class StreamingJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    @Test
    void runningSumsEndAtTheTotalOfEachParity() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        List<Tuple2<String, Long>> updates = StreamingJob.sumByParity(env.fromSequence(1, 10)).executeAndCollect(100);

        // One update per number; the numbers of a tag may arrive in any order, so the largest
        // running sum of a tag is its total.
        assertEquals(10, updates.size());
        Map<String, Long> totals = new HashMap<>();
        for (Tuple2<String, Long> update : updates) {
            totals.merge(update.f0, update.f1, Math::max);
        }
        assertEquals(Map.of("even", 30L, "odd", 25L), totals);
    }

    @Test
    void batchModeEmitsOnlyTheFinalSums() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);

        List<Tuple2<String, Long>> sums = StreamingJob.sumByParity(env.fromSequence(1, 10)).executeAndCollect(100);

        Map<String, Long> byTag = new HashMap<>();
        for (Tuple2<String, Long> sum : sums) {
            assertNull(byTag.put(sum.f0, sum.f1), () -> "a second result for " + sum.f0);
        }
        assertEquals(Map.of("even", 30L, "odd", 25L), byTag);
    }
}
