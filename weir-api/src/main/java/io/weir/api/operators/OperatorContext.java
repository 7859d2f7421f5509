package io.weir.api.operators;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.TaskInfo;
import io.weir.api.metrics.MetricGroup;
import io.weir.api.operators.internal.InternalTimerServices;
import io.weir.api.state.OperatorStateStore;
import java.util.OptionalLong;

/**
 * The runtime's side of an operator: task identity, configuration, the processing-time clock and,
 * on keyed streams, the keyed state backend and the timers. Implemented by the runtime and by the test harnesses.
 */
public interface OperatorContext {
    String getOperatorName();

    TaskInfo getTaskInfo();

    ExecutionConfig getExecutionConfig();

    ClassLoader getUserCodeClassLoader();

    /** The key selector of a keyed input, or {@code null} if the operator's input is not keyed. */
    KeySelector<?, ?> getStateKeySelector();

    /**
     * The key selector of input {@code inputIndex} (0 for the first, 1 for the second input of a
     * two-input operator), or {@code null} if that input is not keyed.
     */
    default KeySelector<?, ?> getStateKeySelector(int inputIndex) {
        return inputIndex == 0 ? getStateKeySelector() : null;
    }

    /** The keyed state backend, or {@code null} if the operator's input is not keyed. */
    KeyedStateBackend<?> getKeyedStateBackend();

    /** The operator's non-keyed state (list, union list, broadcast), kept in checkpoints. */
    OperatorStateStore getOperatorStateStore();

    /**
     * Whether the job takes checkpoints: an operator that commits at checkpoints then leaves what
     * arrives at the end of input to the job's final checkpoint. Test harnesses say no.
     */
    default boolean isCheckpointingEnabled() {
        return false;
    }

    /** The checkpoint this operator's state was restored from; empty on a fresh start. */
    OptionalLong getRestoredCheckpointId();

    /** The task's processing-time clock and callbacks (run through the task's mailbox). */
    ProcessingTimeService getProcessingTimeService();

    /**
     * The timers of this operator, stored with its keyed state, or {@code null} if the operator's
     * input is not keyed (timers need a key).
     */
    InternalTimerServices<?> getInternalTimerServices();

    /** The operator's metric group (scope: job, task, subtask, operator). */
    MetricGroup getMetricGroup();

    /** The task's mailbox: hands work from other threads to the task's thread. */
    MailboxExecutor getMailboxExecutor();

    /**
     * Registers an accumulator of this subtask under {@code name}. The operators of one task share
     * the names, so a name registered twice in one subtask fails with an {@link UnsupportedOperationException}.
     */
    void addAccumulator(String name, Accumulator<?, ?> accumulator);

    /** The accumulator registered under {@code name} in this subtask, or {@code null}. */
    Accumulator<?, ?> getAccumulator(String name);
}
