package io.weir.tests.jobs;


import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Event-time timers of keyed process functions in real jobs, at several parallelisms. */
class TimersTest {
    private static final int KEYS = 50;
    private static final long ELEMENTS = 5_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Each element registers a timer at its value twice; the end-of-input watermark fires each once, per key in order. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void endOfBoundedInputFiresEveryEventTimeTimerOnce(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> fired = env.fromSequence(0, ELEMENTS - 1)
                .keyBy(x -> x % KEYS)
                .process(new KeyedProcessFunction<Long, Long, String>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) {
                        ctx.timerService().registerEventTimeTimer(value);
                        ctx.timerService().registerEventTimeTimer(value);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        if (ctx.timeDomain() != TimeDomain.EVENT_TIME || ctx.timestamp() != timestamp) {
                            throw new IllegalStateException("wrong timer context " + ctx.timeDomain());
                        }
                        out.collect(ctx.getCurrentKey() + ":" + timestamp);
                    }
                })
                .executeAndCollect(1_000_000);

        List<String> expected = new ArrayList<>();
        for (long x = 0; x < ELEMENTS; x++) {
            expected.add(x % KEYS + ":" + x);
        }
        assertSameElements(expected, fired);
        Map<String, Long> lastPerKey = new HashMap<>();
        for (String s : fired) {
            String[] parts = s.split(":");
            long time = Long.parseLong(parts[1]);
            Long previous = lastPerKey.put(parts[0], time);
            assertEquals(true, previous == null || previous < time, "timers of key " + parts[0] + " out of order");
        }
    }
}
