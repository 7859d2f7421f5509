package io.weir.bench.nexmark.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkGenerator;
import io.weir.bench.nexmark.NexmarkRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each stateful query, run as a job at parallelism 1 and 2 over 30,000 events at 1,000 events per
 * second of event time (30 s: windows close, sessions end, auctions expire during the run), has
 * the final result {@link NexmarkReferenceResults} computes from the same events in plain Java.
 */
class NexmarkQueriesAgainstReferenceTest {
    private static final long EVENTS = 30_000;
    private static final NexmarkConfig CONFIG = NexmarkConfig.defaults().withEventsPerSecond(1_000);

    private static NexmarkReferenceResults reference;

    @BeforeAll
    static void computeReference() {
        NexmarkGenerator generator = new NexmarkGenerator(CONFIG).prepare();
        List<Event> events = new ArrayList<>();
        for (long i = 0; i < EVENTS; i++) {
            events.add(generator.event(i));
        }
        reference = new NexmarkReferenceResults(events);
    }

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"q3, 1", "q3, 2", "q4, 1", "q4, 2", "q5, 1", "q5, 2", "q7, 1", "q7, 2", "q8, 1", "q8, 2",
            "q11, 1", "q11, 2"})
    void finalResultIsTheReference(String name, int parallelism, @TempDir Path dir) throws Exception {
        List<String> expected = reference.of(name);
        assertFalse(expected.isEmpty(), "the reference of " + name + " has rows, so the comparison means something");
        NexmarkRun.run(NexmarkQueries.byName(name), CONFIG, EVENTS, parallelism, dir);
        assertEquals(expected, Files.readAllLines(dir.resolve(name + ".txt"), StandardCharsets.UTF_8));
    }
}
