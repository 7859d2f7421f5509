package io.weir.runtime.accumulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.accumulators.IntCounter;
import io.weir.api.accumulators.ListAccumulator;
import io.weir.api.accumulators.LongCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobAccumulatorsTest {
    private static ListAccumulator<String> list(String... values) {
        ListAccumulator<String> a = new ListAccumulator<>();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    @Test
    void latestReportOfEachSubtaskIsMergedByName() {
        JobAccumulators<Integer> job = new JobAccumulators<>(s -> "subtask " + s);
        job.update(0, Map.of("count", new IntCounter(1), "seen", list("a")));
        job.update(1, Map.of("count", new IntCounter(2), "seen", list("b", "c")));
        job.update(0, Map.of("count", new IntCounter(5), "seen", list("a", "d")));

        JobAccumulators.Merged merged = job.merge();

        assertEquals(7, merged.results().get("count"));
        assertEquals(List.of("a", "d", "b", "c"), merged.results().get("seen"));
        assertTrue(merged.failures().isEmpty());
        // merging twice gives the same: the reports are not changed by a merge
        assertEquals(merged.results(), job.merge().results());
    }

    @Test
    void differentTypesUnderOneNameAreAFailureNamingBoth() {
        JobAccumulators<Integer> job = new JobAccumulators<>(s -> "subtask " + s);
        job.update(0, Map.<String, Accumulator<?, ?>>of("n", new IntCounter(1), "ok", new LongCounter(1)));
        job.update(1, Map.<String, Accumulator<?, ?>>of("n", new LongCounter(1), "ok", new LongCounter(2)));
        job.update(2, Map.<String, Accumulator<?, ?>>of("n", new IntCounter(1)));

        JobAccumulators.Merged merged = job.merge();

        assertEquals(Map.of("ok", 3L), merged.results());
        String failure = merged.failures().get("n");
        assertTrue(failure.contains("subtask 0 registered a io.weir.api.accumulators.IntCounter"), failure);
        assertTrue(failure.contains("subtask 1 a io.weir.api.accumulators.LongCounter"), failure);
    }

    @Test
    void taskRegistryRefusesADuplicateNameAndCopiesIndependently() {
        TaskAccumulators task = new TaskAccumulators("Map (1/2)");
        IntCounter counter = new IntCounter();
        task.add("count", counter, false);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> task.add("count", new IntCounter(), false));
        assertTrue(e.getMessage().contains("'count' already exists in task 'Map (1/2)'"), e.getMessage());

        counter.add(3);
        Map<String, Accumulator<?, ?>> copies = task.copies();
        counter.add(4);
        assertEquals(3, copies.get("count").getLocalValue());
    }

    @Test
    void sourceThreadAccumulatorsComeFromItsPublishedCopiesWhileItRuns() {
        TaskAccumulators task = new TaskAccumulators("Source (1/1)");
        LongCounter emitted = new LongCounter();
        task.add("emitted", emitted, true);
        task.sourceThreadStarted();
        emitted.add(5L);
        assertTrue(task.copies().isEmpty(), "nothing published yet");
        task.publishSourceCopies();
        emitted.add(1L);
        assertEquals(5L, task.copies().get("emitted").getLocalValue());
        task.sourceThreadEnded();
        assertEquals(6L, task.copies().get("emitted").getLocalValue());
    }
}
