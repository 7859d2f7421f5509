package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.StateInitializationContext;
import io.weir.api.state.StateSnapshotContext;
import io.weir.api.transformations.MultipleInputTransformation;
import io.weir.api.types.Types;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two sources chained into a multiple-input operator ({@code HEAD_WITH_SOURCES}) and a third input
 * from another task, checkpointed every 40 ms, run failure-free and then with one failure injected in
 * the operator's task after a checkpoint completed: the recovered run's committed output (exactly-once
 * file sink) must equal the failure-free run's. The chained readers' splits are in the task's
 * snapshot, taken aligned with the network input's barriers, so after the restore each source goes on
 * where the checkpoint left it: a source read again from the start would duplicate records, a lost
 * split would drop them, and the operator's per-input counts (operator state) would disagree.
 */
@Timeout(180)
class ChainedSourcesRecoveryTest {
    private static final long FIRST = 1_500;
    private static final long SECOND = 1_000;
    private static final long NETWORK = 600;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    @BeforeEach
    void reset() {
        FAILURES.set(0);
        CHECKPOINT_COMPLETED.set(false);
    }

    private static List<String> run(Path out, int parallelism, boolean unaligned, boolean injectFailure)
            throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(40);
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        MultipleInputTransformation<String> transform = new MultipleInputTransformation<>("count inputs",
                new CountInputs.Factory(), Types.STRING, parallelism);
        transform.addInput(paced(env, 0, FIRST, "first").getTransformation());
        transform.addInput(paced(env, 100_000, SECOND, "second").getTransformation());
        transform.addInput(paced(env, 200_000, NETWORK, "network").setParallelism(1).rebalance().getTransformation());
        env.addOperator(transform);
        new MultipleConnectedStreams(env).transform(transform)
                .map(new FailOnce(injectFailure ? (FIRST + SECOND) / 3 : Long.MAX_VALUE)).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
        env.execute("chained sources recovery");
        return CommittedFiles.lines(out);
    }

    /** The numbers {@code offset..offset+count-1}, paced so that checkpoints complete while they are read. */
    private static io.weir.api.datastream.DataStreamSource<Long> paced(StreamExecutionEnvironment env, long offset,
            long count, String name) {
        return env.fromSource(new DataGeneratorSource<>(i -> offset + i, count, RateLimiterStrategy.perSecond(count),
                Types.LONG), WatermarkStrategy.noWatermarks(), name);
    }

    @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
    @CsvSource({"1, false", "2, false", "2, true"})
    void recoveredOutputEqualsFailureFree(int parallelism, boolean unaligned, @TempDir Path dir) throws Exception {
        List<String> failureFree = run(dir.resolve("clean"), parallelism, unaligned, false);
        reset();
        List<String> recovered = run(dir.resolve("recovered"), parallelism, unaligned, true);
        assertEquals(1, FAILURES.get(), "exactly one failure was injected");
        assertEquals(elements(failureFree), elements(recovered), "the same records as the failure-free run");
        assertEquals(List.of(FIRST, SECOND, NETWORK), endCounts(failureFree), "failure-free: every record counted once");
        assertEquals(List.of(FIRST, SECOND, NETWORK), endCounts(recovered),
                "recovered: the counts in operator state match the records the restored sources went on with");
        assertEquals(failureFree.size(), recovered.size(), "as many lines as the failure-free run");
    }

    private static List<String> elements(List<String> lines) {
        List<String> elements = new ArrayList<>(lines.stream().filter(l -> !l.startsWith("end,")).toList());
        elements.sort(null);
        return elements;
    }

    /** Per input, the counts its end lines (one per subtask) add up to. */
    private static List<Long> endCounts(List<String> lines) {
        long[] counts = new long[4];
        for (String line : lines) {
            if (line.startsWith("end,")) {
                String[] parts = line.split(",");
                counts[Integer.parseInt(parts[1])] += Long.parseLong(parts[2]);
            }
        }
        return List.of(counts[1], counts[2], counts[3]);
    }

    /**
     * Emits "input,value" per element and counts the elements of each input in operator state;
     * "end,input,count" when an input ends.
     */
    static final class CountInputs extends AbstractStreamOperatorV2<String>
            implements MultipleInputStreamOperator<String>, BoundedMultiInput {
        private final long[] counts = new long[4];
        private transient ListState<Long> state;

        CountInputs(StreamOperatorParameters<String> parameters) {
            super(parameters, 3);
        }

        @Override
        public void initializeState(StateInitializationContext context) throws Exception {
            super.initializeState(context);
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("counts", Types.LONG));
            int input = 1;
            for (Long count : state.get()) {
                counts[input++] += count;
            }
        }

        @Override
        public void snapshotState(StateSnapshotContext context) throws Exception {
            super.snapshotState(context);
            state.update(List.of(counts[1], counts[2], counts[3]));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Input> getInputs() {
            return List.of(new Count(this, 1), new Count(this, 2), new Count(this, 3));
        }

        @Override
        public void endInput(int inputId) {
            output.collect(new StreamRecord<>("end," + inputId + "," + counts[inputId]));
        }

        private final class Count extends AbstractInput<Long, String> {
            Count(AbstractStreamOperatorV2<String> owner, int inputId) {
                super(owner, inputId);
            }

            @Override
            public void processElement(StreamRecord<Long> element) {
                counts[inputId]++;
                output.collect(new StreamRecord<>(inputId + "," + element.getValue()));
            }
        }

        static final class Factory extends AbstractStreamOperatorFactory<String> {
            Factory() {
                setChainingStrategy(ChainingStrategy.HEAD_WITH_SOURCES);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends StreamOperator<String>> T createStreamOperator(
                    StreamOperatorParameters<String> parameters) {
                return (T) new CountInputs(parameters);
            }
        }
    }

    /** Fails once, in the first attempt, after {@code failAfter} records and a completed checkpoint. */
    static final class FailOnce extends RichMapFunction<String, String> implements CheckpointListener {
        private final long failAfter;
        private transient long seen;

        FailOnce(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public String map(String value) {
            if (++seen >= failAfter / getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks()
                    && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + seen + " records");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
