package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.accumulators.ListAccumulator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.testutils.MiniClusterExtension;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a source function may rely on about the threads around it, as in Flink: an element is
 * processed before {@code collect} returns, and the task's own work (timers, periodic watermarks,
 * checkpoints) runs under the checkpoint lock, never at the same time as the chain.
 */
class SourceFunctionThreadingTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    private static final int COUNT = 200_000;

    /** A mutable POJO. */
    public static class MutableId {
        public long id;
    }

    /** Fills one object with 0..COUNT-1 and collects it after each change. */
    static class ReusingSource implements SourceFunction<MutableId> {
        @Override
        public void run(SourceContext<MutableId> ctx) {
            MutableId reused = new MutableId();
            for (long i = 0; i < COUNT; i++) {
                reused.id = i;
                ctx.collect(reused);
            }
        }

        @Override
        public void cancel() {}
    }

    /** Collects the ids it receives, in order. */
    static class IdSink extends RichSinkFunction<MutableId> {
        private final ListAccumulator<Long> ids = new ListAccumulator<>();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("ids", ids);
        }

        @Override
        public void invoke(MutableId value, Context context) {
            ids.add(value.id);
        }
    }

    @ParameterizedTest(name = "object reuse {0}")
    @ValueSource(booleans = {false, true})
    void sourceThatChangesAnObjectAfterCollectingItDeliversEachValueOnce(boolean objectReuse) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        if (objectReuse) {
            env.getConfig().enableObjectReuse();
        }
        env.addSource(new ReusingSource()).addSink(new IdSink());

        List<Long> ids = env.execute("reusing source").getAccumulatorResult("ids");

        assertIdsInOrder(ids);
    }

    @Test
    void sourceThatChangesAnObjectAfterCollectingItDeliversEachValueOnceAcrossAnExchange() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.addSource(new ReusingSource()).rebalance().addSink(new IdSink());

        List<Long> ids = env.execute("reusing source, exchange").getAccumulatorResult("ids");

        assertIdsInOrder(ids);
    }

    private static void assertIdsInOrder(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            int index = i;
            assertEquals(i, ids.get(i), () -> "the sink's element " + index + " is not id " + index);
        }
        assertEquals(COUNT, ids.size());
    }

    // ---- the checkpoint lock ----

    static final AtomicInteger PERIODIC_EMITS = new AtomicInteger();
    static final AtomicInteger VIOLATIONS = new AtomicInteger();
    static volatile Object checkpointLock;
    /** The source's run has returned: the task finishes the chain on its own thread, without the lock. */
    static volatile boolean sourceReturned;
    /** Written by a source holding the lock, before and after each collect: equal whenever the lock is free. */
    static long before;
    static long after;

    /** How {@link LockingSource} emits. */
    enum Emitting { WITHOUT_LOCK, HOLDING_LOCK, FROM_ITS_OWN_THREAD }

    /**
     * Emits until the periodic watermark has been asked for a few times, holding the checkpoint
     * lock or not, or from a thread it starts (as sources that fetch on threads of their own do):
     * either way the task's mail must get its turn.
     */
    static class LockingSource implements SourceFunction<Long> {
        private final Emitting emitting;

        LockingSource(Emitting emitting) {
            this.emitting = emitting;
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            checkpointLock = ctx.getCheckpointLock();
            if (emitting == Emitting.FROM_ITS_OWN_THREAD) {
                Thread fetcher = new Thread(() -> emit(ctx));
                fetcher.start();
                fetcher.join();
            } else {
                emit(ctx);
            }
            sourceReturned = true;
        }

        private void emit(SourceContext<Long> ctx) {
            for (long i = 0; PERIODIC_EMITS.get() < 5; i++) {
                if (emitting == Emitting.HOLDING_LOCK) {
                    synchronized (ctx.getCheckpointLock()) {
                        before = i;
                        ctx.collect(i);
                        after = i;
                    }
                } else {
                    ctx.collect(i);
                }
            }
        }

        @Override
        public void cancel() {}
    }

    /**
     * Counts the calls that overlap another call, and periodic emits while the source runs that
     * come without the checkpoint lock or between the source's two writes.
     */
    static class ExclusiveGenerator implements WatermarkGenerator<Long> {
        private final AtomicBoolean inside = new AtomicBoolean();

        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            enterAndLeave();
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            enterAndLeave();
            Object lock = checkpointLock; // null until the source runs
            if (lock != null && !sourceReturned && (!Thread.holdsLock(lock) || before != after)) {
                VIOLATIONS.incrementAndGet();
            }
            PERIODIC_EMITS.incrementAndGet();
        }

        private void enterAndLeave() {
            if (!inside.compareAndSet(false, true)) {
                VIOLATIONS.incrementAndGet();
            }
            Thread.onSpinWait();
            inside.set(false);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Emitting.class)
    void periodicWatermarksRunUnderTheCheckpointLockAndNeverAlongsideTheChain(Emitting emitting) throws Exception {
        PERIODIC_EMITS.set(0);
        VIOLATIONS.set(0);
        sourceReturned = false;
        checkpointLock = null;
        before = 0;
        after = 0;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(1);
        env.addSource(new LockingSource(emitting))
                .assignTimestampsAndWatermarks(WatermarkStrategy.forGenerator(ctx -> new ExclusiveGenerator()))
                .addSink(new DiscardingSink<>());

        env.execute("locking source");

        assertTrue(PERIODIC_EMITS.get() >= 5);
        assertEquals(0, VIOLATIONS.get());
    }

    // ---- buffer flushes ----

    static final CountDownLatch RECEIVED = new CountDownLatch(1);

    /** Emits one element, then stays idle until the sink has it (which takes a buffer flush), then ends. */
    static class OneThenIdleSource implements SourceFunction<Long> {
        @Override
        public void run(SourceContext<Long> ctx) throws InterruptedException {
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(7L);
            }
            if (!RECEIVED.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The element was not flushed to the sink while the source was idle");
            }
        }

        @Override
        public void cancel() {}
    }

    /** Counts the element it gets down. */
    static class LatchSink extends RichSinkFunction<Long> {
        @Override
        public void invoke(Long value, Context context) {
            RECEIVED.countDown();
        }
    }

    /**
     * A source function's thread flushes the outputs before its next element when the buffer
     * timeout asks; a source that emits nothing more has them flushed by the task's thread, so its
     * last element does not wait in a buffer for the end of the input.
     */
    @Test
    void anIdleSourcesLastElementIsFlushedByTheTask() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.setBufferTimeout(10);
        env.addSource(new OneThenIdleSource()).rebalance().addSink(new LatchSink());
        env.execute("idle source");
        assertEquals(0, RECEIVED.getCount());
    }

    // ---- cancellation ----

    static volatile Thread emittingThread;

    /** Emits until cancelled. */
    static class EndlessSource implements SourceFunction<Long> {
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) {
            emittingThread = Thread.currentThread();
            for (long i = 0; running; i++) {
                ctx.collect(i);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Takes one record, then waits until interrupted. */
    static class StuckSink extends RichSinkFunction<Long> {
        @Override
        public void invoke(Long value, Context context) throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    @Test
    void cancellingATaskWhoseSourceFunctionIsBackpressuredEndsIt() throws Exception {
        emittingThread = null;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.setBufferTimeout(1); // flushes come as mail all the time, so the task's thread waits for the lock
        env.addSource(new EndlessSource()).rebalance().addSink(new StuckSink());
        JobClient client = env.executeAsync("backpressured source");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!waitsForABuffer(emittingThread)) {
            assertTrue(System.nanoTime() < deadline, "the source never waited for the stuck sink");
            Thread.onSpinWait();
        }

        client.cancel().get(60, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELED, client.getJobStatus().get(60, TimeUnit.SECONDS));
    }

    /** Backpressure: the thread waits inside the exchange for a free buffer. */
    private static boolean waitsForABuffer(Thread thread) {
        return thread != null && thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith(".BufferPool"));
    }
}
