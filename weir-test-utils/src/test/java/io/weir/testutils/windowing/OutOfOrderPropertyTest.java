package io.weir.testutils.windowing;

import static io.weir.testutils.windowing.WindowTestSupport.builder;
import static io.weir.testutils.windowing.WindowTestSupport.harness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.BuiltInOperators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Event time makes results independent of arrival order: random events delivered in a random
 * order with disorder bounded by {@code D}, under a watermark that trails the largest timestamp
 * seen by {@code D}, give the same windowed results (values, windows and timestamps) as the same
 * events delivered sorted. Checked over many seeds for tumbling, sliding and session windows, with
 * incremental (reduce) and full (process) window functions.
 */
class OutOfOrderPropertyTest {
    private static final int SEEDS = 150;

    private record Event(String key, int value, long timestamp) {}

    @Test
    void tumblingWindowsGiveTheSameResultsInAnyBoundedOrder() throws Exception {
        check(random -> TumblingEventTimeWindows.of(Duration.ofMillis(1 + random.nextInt(200)),
                Duration.ofMillis(random.nextInt(1))));
    }

    @Test
    void slidingWindowsGiveTheSameResultsInAnyBoundedOrder() throws Exception {
        check(random -> {
            int slide = 1 + random.nextInt(50);
            return SlidingEventTimeWindows.of(Duration.ofMillis(slide * (1 + random.nextInt(4))),
                    Duration.ofMillis(slide));
        });
    }

    @Test
    void sessionWindowsGiveTheSameResultsInAnyBoundedOrder() throws Exception {
        check(random -> EventTimeSessionWindows.withGap(Duration.ofMillis(1 + random.nextInt(60))));
    }

    private interface AssignerFactory {
        WindowAssigner<Object, TimeWindow> create(Random random);
    }

    private static void check(AssignerFactory assigners) throws Exception {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            WindowAssigner<Object, TimeWindow> assigner = assigners.create(random);
            List<Event> events = randomEvents(random);
            long bound = 1 + random.nextInt(100);
            List<Event> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparingLong(Event::timestamp));
            List<Event> shuffled = boundedShuffle(events, bound, random);
            String where = "seed " + seed + ", " + assigner + ", disorder " + bound;

            Supplier<OneInputStreamOperator<Tuple2<String, Integer>, String>> listing =
                    () -> BuiltInOperators.window(builder(assigner).process(new SortedValues()));
            List<String> expected = run(listing.get(), sorted, bound);
            assertFalse(expected.isEmpty(), where);
            assertEquals(expected, run(listing.get(), shuffled, bound), where + " (process)");

            Supplier<OneInputStreamOperator<Tuple2<String, Integer>, String>> summing =
                    () -> BuiltInOperators.window(builder(assigner).reduce(new WindowTestSupport.Sum(),
                            new WindowTestSupport.Describe<>()));
            assertEquals(run(summing.get(), sorted, bound), run(summing.get(), shuffled, bound), where + " (reduce)");
        }
    }

    private static List<Event> randomEvents(Random random) {
        int n = 1 + random.nextInt(300);
        List<Event> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new Event("k" + random.nextInt(4), random.nextInt(1000), random.nextInt(2000) - 500));
        }
        return events;
    }

    /** Each event is delayed by less than {@code bound}: no event arrives after one more than {@code bound} later. */
    private static List<Event> boundedShuffle(List<Event> events, long bound, Random random) {
        List<long[]> order = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            order.add(new long[] {events.get(i).timestamp() + (long) (random.nextDouble() * bound), i});
        }
        order.sort(Comparator.comparingLong((long[] o) -> o[0]));
        List<Event> result = new ArrayList<>(events.size());
        for (long[] o : order) {
            result.add(events.get((int) o[1]));
        }
        return result;
    }

    /** Feeds the events with a bounded-out-of-orderness watermark, ends with the final watermark, returns the results sorted. */
    private static List<String> run(OneInputStreamOperator<Tuple2<String, Integer>, String> operator,
            List<Event> events, long bound) throws Exception {
        try (var h = harness(operator)) {
            long maxSeen = Long.MIN_VALUE;
            long watermark = Long.MIN_VALUE;
            for (Event e : events) {
                h.processElement(Tuple2.of(e.key(), e.value()), e.timestamp());
                maxSeen = Math.max(maxSeen, e.timestamp());
                if (maxSeen - bound - 1 > watermark) {
                    watermark = maxSeen - bound - 1;
                    h.processWatermark(watermark);
                }
            }
            h.processWatermark(Long.MAX_VALUE);
            List<String> results = new ArrayList<>();
            for (StreamRecord<String> r : h.extractOutputStreamRecords()) {
                results.add(r.getValue() + "@" + r.getTimestamp());
            }
            results.sort(null);
            assertEquals(0, h.numKeyedStateEntries(), "state left after the final watermark");
            return results;
        }
    }

    /** The window and its values in ascending order (arrival order differs between the runs). */
    private static final class SortedValues
            extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                Collector<String> out) {
            List<Integer> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.f1));
            values.sort(null);
            out.collect(key + "[" + context.window().getStart() + "," + context.window().getEnd() + ")=" + values);
        }
    }
}
