package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.source.RichParallelSourceFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final checkpoint of a two-phase-commit sink: a bounded job of parallelism 2 whose source
 * subtask 0 ends its data while subtask 1 still runs. Sink subtask 0 must not commit what it wrote
 * after the latest checkpoint at its end of input: if subtask 1 then fails, the job restores that
 * checkpoint and subtask 0 writes those records again. They are committed once a checkpoint taken
 * after the end of data completes. Either way the committed output holds every record exactly once,
 * as in the failure-free run.
 *
 * <p>Synchronisation: source subtask 0 ends its data right after a checkpoint completed (so the
 * records it emits last are after it, and a min pause keeps the next checkpoint away); source
 * subtask 1 waits, on latches, until sink subtask 0 has seen its end of input (and, in the second
 * case, until sink subtask 0 committed its final records), then throws, in the first attempt only.
 * A stop-with-savepoint taken after sink subtask 0 saw its end of input reaches that subtask too.
 */
@Timeout(120)
class FinalCheckpointTest {
    private static final int RECORDS_PER_SUBTASK = 40;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    /** What the committer committed, and the ids of the committables it committed (commits are idempotent). */
    static final List<Long> COMMITTED = new CopyOnWriteArrayList<>();
    static final Set<String> COMMITTED_IDS = ConcurrentHashMap.newKeySet();
    /** Sink subtask 0 saw its end of input (attempt 0). */
    static volatile CountDownLatch sinkZeroEnded;
    /** Sink subtask 0 committed records it wrote after its end of input was announced (attempt 0). */
    static volatile CountDownLatch sinkZeroCommittedFinal;
    /** The first checkpoint task 0 took after sink subtask 0 saw its end of input (attempt 0), or MAX_VALUE. */
    static volatile long firstCheckpointAfterSinkZeroEnded;
    /** A checkpoint after {@link #firstCheckpointAfterSinkZeroEnded} completed (attempt 0). */
    static volatile CountDownLatch taskZeroFinishedInACheckpoint;
    static final AtomicBoolean SINK_ZERO_ENDED_FLAG = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    /** "open s/a" and "run s/a" for each source function of subtask s, attempt a that was opened or run. */
    static final List<String> SOURCE_STARTS = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        COMMITTED.clear();
        COMMITTED_IDS.clear();
        sinkZeroEnded = new CountDownLatch(1);
        sinkZeroCommittedFinal = new CountDownLatch(1);
        firstCheckpointAfterSinkZeroEnded = Long.MAX_VALUE;
        taskZeroFinishedInACheckpoint = new CountDownLatch(1);
        SINK_ZERO_ENDED_FLAG.set(false);
        SOURCE_STARTS.clear();
        FAILED.set(false);
    }

    @Test
    void recordsOfASubtaskThatEndedAreCommittedOnceWhenAnotherFailsBeforeTheFinalCheckpoint() throws Exception {
        run(Gate.SINK_ZERO_ENDED);
        assertTrue(FAILED.get(), "the injected failure happened");
        assertEquals(expected(), committed(), "every record exactly once");
    }

    @Test
    void aSourceThatEndedBeforeTheRestoredCheckpointIsNotReadAgain() throws Exception {
        run(Gate.SINK_ZERO_COMMITTED_FINAL);
        assertTrue(FAILED.get(), "the injected failure happened");
        assertEquals(expected(), committed(), "every record exactly once");
    }

    /**
     * Task 0 reports its end of data before it takes any checkpoint after its end of input, so the
     * checkpoint triggered after the first such one completed (which needed that acknowledgement)
     * records task 0 as finished. Restored from it, task 0 does not run again: its source is neither
     * opened nor run, its sink ends at once.
     */
    @Test
    void aTaskThatFinishedBeforeTheRestoredCheckpointDoesNotRunAgain() throws Exception {
        run(Gate.SINK_ZERO_FINISHED_IN_A_CHECKPOINT);
        assertTrue(FAILED.get(), "the injected failure happened");
        assertEquals(expected(), committed(), "every record exactly once, as in the failure-free run");
        assertEquals(List.of("open 0/0", "run 0/0"), SOURCE_STARTS.stream().filter(s -> s.contains(" 0/")).toList(),
                "source subtask 0 is neither opened nor run after the restore");
        assertTrue(SOURCE_STARTS.contains("run 1/1"), "source subtask 1 ran again: " + SOURCE_STARTS);
    }

    @Test
    void withoutAFailureEveryRecordIsCommittedOnce() throws Exception {
        run(Gate.NONE);
        assertEquals(expected(), committed(), "every record exactly once");
    }

    @Test
    void aBoundedJobEndsWithoutWaitingForTheNextCheckpointInterval() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(3_600_000); // an hour: the job ends long before, with its final checkpoint
        env.fromSequence(0, 999).sinkTo(new RecordingSink());
        env.execute("bounded with checkpointing");
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            all.add(i);
        }
        assertEquals(all, committed(), "committed with the final checkpoint");
    }

    @Test
    void aStopWithSavepointReachesASubtaskThatEndedItsDataAndTheResumedJobCompletesTheOutput(@TempDir Path dir)
            throws Exception {
        StreamExecutionEnvironment env = environment();
        env.addSource(new TwoSpeedSource(Gate.STOP_WITH_SAVEPOINT), "numbers").uid("numbers").returns(Types.LONG)
                .sinkTo(new RecordingSink()).uid("sink");
        JobClient client = env.executeAsync("stopped");
        await(sinkZeroEnded, "sink subtask 0 saw its end of input");
        String savepoint = client.stopWithSavepoint(false, dir.toString(), SavepointFormatType.DEFAULT)
                .get(60, TimeUnit.SECONDS);
        assertEquals(JobStatus.FINISHED, client.getJobStatus().get(10, TimeUnit.SECONDS));
        List<Long> upToTheSavepoint = new ArrayList<>(expected().subList(0, RECORDS_PER_SUBTASK + RECORDS_PER_SUBTASK / 2));
        assertEquals(upToTheSavepoint, committed(), "subtask 0's records all, subtask 1's up to the savepoint");

        StreamExecutionEnvironment resumed = environment();
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        resumed.configure(restore);
        resumed.addSource(new TwoSpeedSource(Gate.NONE), "numbers").uid("numbers").returns(Types.LONG)
                .sinkTo(new RecordingSink()).uid("sink");
        resumed.execute("resumed");
        assertEquals(expected(), committed(), "every record exactly once over both runs");
    }

    /** What source subtask 1 waits for before it fails (or, for a stop-with-savepoint, stops). */
    enum Gate { NONE, SINK_ZERO_ENDED, SINK_ZERO_COMMITTED_FINAL, SINK_ZERO_FINISHED_IN_A_CHECKPOINT, STOP_WITH_SAVEPOINT }

    private static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(20);
        // keeps the checkpoint after the one source subtask 0 waited for far from its last records
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(300);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        return env;
    }

    private static void run(Gate gate) throws Exception {
        StreamExecutionEnvironment env = environment();
        env.addSource(new TwoSpeedSource(gate), "numbers").returns(Types.LONG)
                .sinkTo(new RecordingSink());
        env.execute("final checkpoint");
    }

    private static List<Long> expected() {
        List<Long> all = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            for (long p = 0; p < RECORDS_PER_SUBTASK; p++) {
                all.add(subtask * 1_000_000L + p);
            }
        }
        return all;
    }

    private static List<Long> committed() {
        List<Long> sorted = new ArrayList<>(COMMITTED);
        Collections.sort(sorted);
        return sorted;
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("timed out waiting until " + what);
        }
    }

    /**
     * Emits subtask * 1,000,000 + position for positions 0 .. RECORDS_PER_SUBTASK-1, position in
     * operator state. In the first attempt, subtask 0 emits its second half only after a checkpoint
     * completed, and ends; subtask 1 stops half-way, waits for its gate and throws.
     */
    static final class TwoSpeedSource extends RichParallelSourceFunction<Long>
            implements CheckpointedFunction, CheckpointListener {
        private final Gate gate;
        private transient ListState<Long> position;
        private transient CountDownLatch checkpointCompleted;
        /** Never opened: subtask 1 polls it only to notice its cancellation. */
        private transient CountDownLatch stopped;
        private long next;
        private volatile boolean running = true;

        TwoSpeedSource(Gate gate) {
            this.gate = gate;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Types.LONG));
            for (Long p : position.get()) {
                next = p;
            }
            checkpointCompleted = new CountDownLatch(1);
            stopped = new CountDownLatch(1);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            position.update(List.of(next));
            if (isFirstAttemptOfSubtaskZero() && SINK_ZERO_ENDED_FLAG.get()) {
                firstCheckpointAfterSinkZeroEnded = Math.min(firstCheckpointAfterSinkZeroEnded,
                        context.getCheckpointId());
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointCompleted.countDown();
            if (isFirstAttemptOfSubtaskZero() && checkpointId > firstCheckpointAfterSinkZeroEnded) {
                taskZeroFinishedInACheckpoint.countDown();
            }
        }

        private boolean isFirstAttemptOfSubtaskZero() {
            return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                    && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
        }

        @Override
        public void open(OpenContext openContext) {
            SOURCE_STARTS.add("open " + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + "/"
                    + getRuntimeContext().getTaskInfo().getAttemptNumber());
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            boolean firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
            SOURCE_STARTS.add("run " + subtask + "/" + getRuntimeContext().getTaskInfo().getAttemptNumber());
            while (running && next < RECORDS_PER_SUBTASK) {
                if (firstAttempt && next == RECORDS_PER_SUBTASK / 2) {
                    if (subtask == 0) {
                        await(checkpointCompleted, "a checkpoint completed");
                        synchronized (ctx.getCheckpointLock()) { // the second half in one go, then the end
                            while (next < RECORDS_PER_SUBTASK) {
                                ctx.collect(next); // subtask 0: the value is the position
                                next++;
                            }
                        }
                        return;
                    } else if (gate == Gate.STOP_WITH_SAVEPOINT) {
                        // stays here, reading nothing, until the stop cancels the function
                        while (running && !stopped.await(10, TimeUnit.MILLISECONDS)) {
                            // polls running, which cancel() clears
                        }
                        return;
                    } else if (gate != Gate.NONE) {
                        await(sinkZeroEnded, "sink subtask 0 saw its end of input");
                        if (gate == Gate.SINK_ZERO_COMMITTED_FINAL) {
                            await(sinkZeroCommittedFinal, "sink subtask 0 committed its last records");
                        } else if (gate == Gate.SINK_ZERO_FINISHED_IN_A_CHECKPOINT) {
                            await(taskZeroFinishedInACheckpoint, "a checkpoint recording task 0 as finished completed");
                        }
                        FAILED.set(true);
                        throw new IllegalStateException("injected failure of source subtask 1");
                    }
                }
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(subtask * 1_000_000L + next);
                    next++;
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /**
     * A two-phase-commit sink that keeps everything in memory: a committable is a unique id and the
     * values written since the previous one; the committer adds the values of an id it has not
     * committed yet to {@link #COMMITTED}.
     */
    static final class RecordingSink implements Sink<Long>, SupportsCommitter<Committable> {
        @Override
        public CommittingSinkWriter<Long, Committable> createWriter(WriterInitContext context) {
            int subtask = context.getTaskInfo().getIndexOfThisSubtask();
            boolean firstAttempt = context.getTaskInfo().getAttemptNumber() == 0;
            return new CommittingSinkWriter<>() {
                private final List<Long> buffered = new ArrayList<>();

                @Override
                public void write(Long element, Context context) {
                    buffered.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                    if (endOfInput && subtask == 0 && firstAttempt) {
                        SINK_ZERO_ENDED_FLAG.set(true);
                        sinkZeroEnded.countDown();
                    }
                }

                @Override
                public Collection<Committable> prepareCommit() {
                    Committable committable = new Committable(UUID.randomUUID().toString(),
                            subtask == 0 && SINK_ZERO_ENDED_FLAG.get(), List.copyOf(buffered));
                    buffered.clear();
                    return List.of(committable);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public Committer<Committable> createCommitter(CommitterInitContext context) {
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<Committable>> requests) {
                    for (CommitRequest<Committable> request : requests) {
                        Committable committable = request.getCommittable();
                        if (!COMMITTED_IDS.add(committable.id())) {
                            request.signalAlreadyCommitted();
                            continue;
                        }
                        COMMITTED.addAll(committable.values());
                        if (committable.afterSinkZeroEnded()) {
                            sinkZeroCommittedFinal.countDown();
                        }
                    }
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public SimpleVersionedSerializer<Committable> getCommittableSerializer() {
            return new CommittableSerializer();
        }
    }

    /** @param afterSinkZeroEnded prepared by sink subtask 0 once it had seen its end of input */
    record Committable(String id, boolean afterSinkZeroEnded, List<Long> values) {}

    static final class CommittableSerializer implements SimpleVersionedSerializer<Committable> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Committable committable) {
            byte[] id = committable.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(4 + id.length + 1 + 4 + 8 * committable.values().size());
            out.putInt(id.length).put(id).put((byte) (committable.afterSinkZeroEnded() ? 1 : 0));
            out.putInt(committable.values().size());
            committable.values().forEach(out::putLong);
            return out.array();
        }

        @Override
        public Committable deserialize(int version, byte[] serialized) {
            ByteBuffer in = ByteBuffer.wrap(serialized);
            byte[] id = new byte[in.getInt()];
            in.get(id);
            boolean after = in.get() != 0;
            List<Long> values = new ArrayList<>();
            for (int n = in.getInt(); n > 0; n--) {
                values.add(in.getLong());
            }
            return new Committable(new String(id, java.nio.charset.StandardCharsets.UTF_8), after, values);
        }
    }
}
