package io.weir.examples.pipelines;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The failure the pipeline tests inject, placed right after a source. A test writes its input in
 * two halves: the first before the job starts, the second once {@link #awaitFirstHalfCheckpointed}
 * returned, that is once a checkpoint completed after the job read the whole first half. With
 * {@code inject}, the first record beyond the first half fails the task, once, in the first
 * attempt: the job restores that checkpoint and reads the second half again.
 *
 * <p>Tasks get copies of this function, so what they share is static: {@link #reset} before each run.
 *
 * @param <T> the records passed on unchanged
 */
public final class FailOnceInSecondHalf<T> extends RichMapFunction<T, T> implements CheckpointListener {
    private static final long serialVersionUID = 1L;

    private static final AtomicLong SEEN = new AtomicLong();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    /** Completed checkpoints as subtasks heard of them; guarded by itself for {@link #awaitCheckpoints}. */
    private static final long[] CHECKPOINTS = new long[1];
    private static volatile long firstHalf;
    private static volatile CountDownLatch firstHalfCheckpointed = new CountDownLatch(1);

    private final boolean inject;

    public FailOnceInSecondHalf(boolean inject) {
        this.inject = inject;
    }

    /** Before each run: the first half has {@code records} records (over all subtasks). */
    public static void reset(long records) {
        SEEN.set(0);
        FAILED.set(false);
        firstHalf = records;
        firstHalfCheckpointed = new CountDownLatch(1);
    }

    /** Checkpoints every 50 ms and restarts 10 ms after a failure. */
    public static void checkpointAndRestartQuickly(StreamExecutionEnvironment env) {
        env.enableCheckpointing(50);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
    }

    public static void awaitFirstHalfCheckpointed() throws InterruptedException {
        if (!firstHalfCheckpointed.await(90, TimeUnit.SECONDS)) {
            throw new AssertionError("no checkpoint completed after the job read the first half ("
                    + SEEN.get() + " of " + firstHalf + " records seen)");
        }
    }

    /**
     * Returns once subtasks were told of {@code count} more completed checkpoints; for unbounded jobs,
     * whose output is complete only after the checkpoint that commits it.
     */
    public static void awaitCheckpoints(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (CHECKPOINTS) {
            long target = CHECKPOINTS[0] + count;
            while (CHECKPOINTS[0] < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("no " + count + " checkpoints completed within 60 s");
                }
                CHECKPOINTS.wait(left);
            }
        }
    }

    /** Whether the failure was injected in this run. */
    public static boolean failed() {
        return FAILED.get();
    }

    @Override
    public T map(T value) {
        long seen = SEEN.incrementAndGet();
        if (inject && seen > firstHalf && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                && firstHalfCheckpointed.getCount() == 0 && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure at record " + seen + ": " + value);
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        synchronized (CHECKPOINTS) {
            CHECKPOINTS[0]++;
            CHECKPOINTS.notifyAll();
        }
        if (SEEN.get() >= firstHalf) {
            firstHalfCheckpointed.countDown();
        }
    }
}
