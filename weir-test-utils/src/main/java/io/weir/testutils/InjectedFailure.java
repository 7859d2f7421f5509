package io.weir.testutils;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One failure injected into a job after a checkpoint completed, for the tests that compare a
 * recovered run's output with a failure-free run's. Functions are copied into tasks, so what they
 * share is static: {@link #reset()} before each run.
 */
public final class InjectedFailure {
    public static final AtomicInteger FAILURES = new AtomicInteger();
    public static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    private InjectedFailure() {}

    public static void reset() {
        FAILURES.set(0);
        CHECKPOINT_COMPLETED.set(false);
    }

    /** Checkpoints every 50 ms and restarts after 10 ms (fixed-delay). */
    public static void checkpointAndRestartQuickly(StreamExecutionEnvironment env) {
        env.enableCheckpointing(50);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
    }

    /** Passes values on; fails once, in the first attempt, after {@code failAfter} values of its subtask and a completed checkpoint. */
    public static final class FailOnce extends RichMapFunction<Long, Long> implements CheckpointListener {
        private final long failAfter;
        private transient long seen;

        public FailOnce(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public Long map(Long value) {
            if (++seen >= failAfter && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
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
