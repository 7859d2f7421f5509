package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.TimeDomain;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Processing-time timers through the task mailbox, and state TTL on the task's clock, in real jobs. */
class ProcessingTimeAndTtlTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Keeps a key's first element in a state with a 1 ms TTL and one with a 1 h TTL; 20 ms later a timer looks at both. */
    static final class LookLater extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> shortLived;
        private transient ValueState<Long> longLived;

        @Override
        public void open(OpenContext context) {
            ValueStateDescriptor<Long> shortDescriptor = new ValueStateDescriptor<>("short", Types.LONG);
            shortDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(1)).build());
            ValueStateDescriptor<Long> longDescriptor = new ValueStateDescriptor<>("long", Types.LONG);
            longDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
            shortLived = getRuntimeContext().getState(shortDescriptor);
            longLived = getRuntimeContext().getState(longDescriptor);
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            if (longLived.value() != null) {
                return; // only a key's first element writes: a later write would renew the short TTL before the timer
            }
            shortLived.update(value);
            longLived.update(value);
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 20);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (ctx.timeDomain() != TimeDomain.PROCESSING_TIME || ctx.timerService().currentProcessingTime() < timestamp) {
                throw new IllegalStateException("timer fired early or in the wrong domain: " + ctx.timeDomain());
            }
            out.collect((shortLived.value() == null ? "short expired" : "short alive") + ", "
                    + (longLived.value() == null ? "long expired" : "long alive"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void processingTimeTimersFireAndShortTtlStateHasExpiredByThen(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        int keys = 5;
        List<String> results = env.fromSource(new StallingSource(50), WatermarkStrategy.noWatermarks(), "stalling",
                        Types.LONG)
                .keyBy(x -> x % keys)
                .process(new LookLater())
                .executeAndCollect(keys); // at least one timer per key; the source never ends
        assertEquals(List.of("short expired, long alive", "short expired, long alive", "short expired, long alive",
                "short expired, long alive", "short expired, long alive"), results);
    }
}
