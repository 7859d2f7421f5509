package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings given to the environment as a {@link Configuration} ({@code getExecutionEnvironment(conf)},
 * {@code env.configure(conf)}) change what the job does on the cluster, and the execution config
 * and {@code getConfiguration()} agree with them.
 */
@Timeout(120)
class EnvironmentConfigurationTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @Test
    void configureSetsTheParallelismTheSubtasksRunWith() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().set(PipelineOptions.PARALLELISM, 1));
        env.configure(Configuration.fromMap(Map.of("parallelism.default", "3")));
        assertEquals(3, env.getParallelism());
        List<Integer> parallelisms = env.fromSequence(1, 30)
                .map(new RichMapFunction<Long, Integer>() {
                    @Override
                    public Integer map(Long value) {
                        return getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
                    }
                })
                .executeAndCollect(100);
        assertEquals(30, parallelisms.size());
        assertTrue(parallelisms.stream().allMatch(p -> p == 3), parallelisms.toString());
    }

    /**
     * The environment starts with periodic watermarks off; {@code configure} turns them on. The
     * source then waits, mid-stream, for an event-time timer that only a periodic watermark can
     * fire, so the job finishes in time only if the configured interval reached the running job.
     */
    @Test
    void configureTurnsOnPeriodicWatermarksInTheRunningJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                Configuration.fromMap(Map.of("pipeline.auto-watermark-interval", "0", "parallelism.default", "1")));
        assertEquals(0, env.getConfig().getAutoWatermarkInterval());
        env.configure(new Configuration().set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(5)));
        assertEquals(5, env.getConfig().getAutoWatermarkInterval());
        assertEquals(Duration.ofMillis(5), env.getConfiguration().get(PipelineOptions.AUTO_WATERMARK_INTERVAL));

        TimerBeforeEnd.firedAt = new CountDownLatch(1);
        List<String> out = env.addSource(new TimerBeforeEnd())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((e, t) -> e))
                .keyBy(e -> 0)
                .process(new KeyedProcessFunction<Integer, Long, String>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> collector) {
                        if (value == 1000L) {
                            ctx.timerService().registerEventTimeTimer(999);
                        }
                        collector.collect("element " + value);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> collector) {
                        collector.collect("timer at watermark " + ctx.timerService().currentWatermark());
                        TimerBeforeEnd.firedAt.countDown();
                    }
                })
                .executeAndCollect(10);
        assertEquals(List.of("element 1000", "timer at watermark 999", "element 2000"), out);
    }

    @Test
    void executionConfigAndConfigurationAreOneSetOfValues() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().enableObjectReuse();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setBufferTimeout(7);
        assertTrue(env.getConfiguration().get(PipelineOptions.OBJECT_REUSE));
        assertEquals(RuntimeExecutionMode.BATCH, env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE));
        assertEquals(Duration.ofMillis(7), env.getConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT));

        env.configure(Configuration.fromMap(Map.of("pipeline.object-reuse", "false", "execution.runtime-mode",
                "streaming", "execution.buffer-timeout", "0 ms", "pipeline.generic-types", "false")));
        assertFalse(env.getConfig().isObjectReuseEnabled());
        assertEquals(RuntimeExecutionMode.STREAMING, env.getRuntimeMode());
        assertEquals(0, env.getBufferTimeout());
        assertTrue(env.getConfig().getSerializerConfig().hasGenericTypesDisabled());
    }

    @Test
    void aBadValueFailsWhereItIsSetNamingTheKey() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> env.configure(Configuration.fromMap(Map.of("pipeline.max-parallelism", "0"))));
        assertTrue(e.getMessage().contains("'pipeline.max-parallelism'"), e.getMessage());
    }

    /** Emits 1000, waits until the timer for it fired (only a periodic watermark can fire it), emits 2000. */
    static final class TimerBeforeEnd implements SourceFunction<Long> {
        static volatile CountDownLatch firedAt;

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            ctx.collect(1000L);
            if (!firedAt.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no periodic watermark within 60 s: the interval was not applied");
            }
            ctx.collect(2000L);
        }

        @Override
        public void cancel() {}
    }
}
