package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.types.Types;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many injected faults in one job run: every attempt fails after it has processed a few hundred
 * records and seen one of its own checkpoints complete, so the job restarts {@link #FAULTS} times
 * (restart delay 5 ms) and makes progress between restarts; the source ends soon after the last fault. The exactly-once file sink's committed
 * output — one running sum per record — must be exactly the failure-free result: nothing lost,
 * nothing twice, however often the job went back to a checkpoint.
 *
 * <p>Runs in the Maven profile {@code fault-loop} (CI activates it). The counts scale with
 * {@code -Dfault-loop.faults=N}.
 */
@Tag("fault-loop")
@Timeout(120)
class FaultLoopTest {
    static final int FAULTS = Integer.getInteger("fault-loop.faults", 100);
    /** Records the failing task processes in an attempt before it may fail (≈ 100 ms at the source's pace). */
    static final long RECORDS_PER_ATTEMPT = 400;
    /** The source ends at the first multiple of this after the last fault. */
    private static final long TAIL = 5_000;
    private static final int KEYS = 10;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final AtomicInteger FAILURES = new AtomicInteger();
    /** How many numbers the source emitted in the attempt that finished. */
    static final AtomicLong END = new AtomicLong();

    @Test
    void aHundredFaultsInOneRunLoseAndDuplicateNothing(@TempDir Path out) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(20);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAULTS);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(5));
        env.configure(restarts);
        env.addSource(new NumbersUntilTheLastFault(), Types.LONG)
                .map(new FailEachAttempt()).returns(Types.LONG).setParallelism(1) // one reader: each key's sums in one order
                .keyBy(v -> v % KEYS)
                .reduce(Long::sum)
                .map(sum -> Long.toString(sum)).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());

        long start = System.nanoTime();
        env.execute("fault loop");
        long millis = (System.nanoTime() - start) / 1_000_000;
        long records = END.get();
        System.out.printf("fault loop: %d faults, %d records, %d ms%n", FAILURES.get(), records, millis);

        assertEquals(FAULTS, FAILURES.get(), "every planned fault was injected");
        List<String> committed = CommittedFiles.lines(out);
        List<String> expected = runningSums(records);
        assertEquals(expected.size(), committed.size(), "one running sum per record");
        assertEquals(expected, committed, "nothing lost, nothing twice");
    }

    private static List<String> runningSums(long records) {
        long[] sums = new long[KEYS];
        List<String> lines = new ArrayList<>();
        for (long v = 0; v < records; v++) {
            sums[(int) (v % KEYS)] += v;
            lines.add(Long.toString(sums[(int) (v % KEYS)]));
        }
        Collections.sort(lines);
        return lines;
    }

    /**
     * Emits 0, 1, 2, ... at about 4,000 a second, its position in operator state (changed and
     * emitted under the checkpoint lock). It ends at the first multiple of {@link #TAIL} after the
     * last planned fault, so the run's length follows the faults, however slow the machine.
     */
    static final class NumbersUntilTheLastFault extends PositionSource {
        NumbersUntilTheLastFault() {
            super(8, 2);
        }

        @Override
        boolean hasMore(long next) {
            return !(next % TAIL == 0 && next > 0 && FAILURES.get() >= FAULTS);
        }

        @Override
        void emit(SourceContext<Long> ctx, long n) {
            ctx.collect(n);
        }

        @Override
        void ended(long end) {
            END.set(end);
        }
    }

    /**
     * Passes values on; in every attempt before the last planned fault it fails once it has passed
     * {@link #RECORDS_PER_ATTEMPT} records and one of its attempt's checkpoints completed, so each
     * restart resumes from a later checkpoint than the one before.
     */
    static final class FailEachAttempt extends RichMapFunction<Long, Long> implements CheckpointListener {
        private transient long seen;
        private transient volatile boolean checkpointCompleted;
        private transient int attempt;

        @Override
        public void open(OpenContext context) {
            attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        }

        @Override
        public Long map(Long value) {
            if (++seen >= RECORDS_PER_ATTEMPT && checkpointCompleted && attempt == FAILURES.get()
                    && attempt < FAULTS && FAILURES.compareAndSet(attempt, attempt + 1)) {
                throw new IllegalStateException("injected fault " + (attempt + 1) + " of " + FAULTS);
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointCompleted = true;
        }
    }
}
