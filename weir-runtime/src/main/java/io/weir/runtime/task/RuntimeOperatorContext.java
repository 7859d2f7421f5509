package io.weir.runtime.task;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.TaskInfo;
import io.weir.api.metrics.MetricGroup;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.MailboxExecutor;
import io.weir.api.operators.OperatorContext;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.internal.InternalTimerServices;
import io.weir.api.state.OperatorStateStore;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.HeapOperatorStateBackend;
import io.weir.runtime.state.HeapTimerServices;
import io.weir.runtime.state.KeyedStateSnapshot;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@link OperatorContext} the runtime gives an operator, plus the way to its coordinator. The
 * state key selectors are indexed by input (one for a one-input operator, two for a two-input one);
 * a {@code null} entry is an unkeyed input.
 */
public final class RuntimeOperatorContext implements OperatorContext {
    private final String operatorName;
    private final TaskInfo taskInfo;
    private final ExecutionConfig executionConfig;
    private final ClassLoader userCodeClassLoader;
    private final KeySelector<?, ?>[] stateKeySelectors;
    private final KeyedStateBackend<?> keyedStateBackend;
    private final OperatorEventGateway eventGateway;
    private final ProcessingTimeService processingTimeService;
    private final InternalTimerServices<?> timerServices;
    private final HeapOperatorStateBackend operatorStateBackend;
    private OptionalLong restoredCheckpointId = OptionalLong.empty();
    private TaskAccumulators accumulators;
    private MailboxExecutor mailboxExecutor;
    private boolean accumulatorsChangedBySourceThread;
    private MetricGroup metricGroup;
    private boolean checkpointingEnabled;

    /**
     * @param keyedStateBackend the keyed state, or {@code null} on a non-keyed input; the
     *     operator's timers are kept beside it, on the heap
     * @param processingTimeService the task's clock (a manual one in test harnesses)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public RuntimeOperatorContext(String operatorName, TaskInfo taskInfo, ExecutionConfig executionConfig,
            ClassLoader userCodeClassLoader, KeySelector<?, ?>[] stateKeySelectors, KeyedStateBackend<?> keyedStateBackend,
            OperatorEventGateway eventGateway, ProcessingTimeService processingTimeService) {
        this.operatorName = operatorName;
        this.taskInfo = taskInfo;
        this.executionConfig = executionConfig;
        this.userCodeClassLoader = userCodeClassLoader;
        this.stateKeySelectors = stateKeySelectors.clone();
        this.keyedStateBackend = keyedStateBackend;
        this.eventGateway = eventGateway;
        this.processingTimeService = processingTimeService;
        this.timerServices = keyedStateBackend instanceof AbstractKeyedStateBackend
                ? new HeapTimerServices<>((AbstractKeyedStateBackend) keyedStateBackend, processingTimeService)
                : null;
        if (keyedStateBackend instanceof AbstractKeyedStateBackend<?> keyed && processingTimeService != null) {
            keyed.setTtlTimeProvider(processingTimeService::getCurrentProcessingTime); // state TTL runs on processing time
        }
        this.accumulators = new TaskAccumulators(operatorName);
        this.operatorStateBackend = new HeapOperatorStateBackend(operatorName, executionConfig.getSerializerConfig());
    }

    /**
     * Fills the operator's state backends from a checkpoint (only the key groups this subtask owns
     * are taken); call before the operator registers any state.
     *
     * @param checkpointId the checkpoint the state is from, reported by {@link #getRestoredCheckpointId()}
     */
    public void restoreState(OperatorSubtaskState state, long checkpointId) {
        if (keyedStateBackend instanceof AbstractKeyedStateBackend<?> keyed) {
            keyed.restore(state.keyedState(), state.keyedFiles());
        } else if (!state.keyedState().isEmpty() || !state.keyedFiles().isEmpty()) {
            throw new IllegalStateException("Operator '" + operatorName + "' has checkpointed keyed state but its input "
                    + "is not keyed any more: key its input as before, or give the changed operator a new uid.");
        }
        operatorStateBackend.restore(state.operatorState());
        this.restoredCheckpointId = OptionalLong.of(checkpointId);
    }

    /**
     * Serializes the operator's keyed state, timers and operator state as they are now; the
     * operator's own {@code snapshotState} must have run first.
     *
     * @param canonical whether the keyed state must be self-contained and backend-independent (a
     *     savepoint) rather than what the backend checkpoints best (incremental files)
     */
    public OperatorSubtaskState snapshotState(long checkpointId, boolean canonical) {
        if (keyedStateBackend instanceof AbstractKeyedStateBackend<?> keyed) {
            KeyedStateSnapshot keyedState = keyed.snapshot(checkpointId, canonical);
            return new OperatorSubtaskState(keyed.getKeyGroupRange(), keyedState.keyGroups(),
                    operatorStateBackend.snapshot(),
                    keyedState.files() == null ? List.of() : List.of(keyedState.files()));
        }
        return new OperatorSubtaskState(null, Map.of(), operatorStateBackend.snapshot());
    }

    /** Serializes the state of a checkpoint (not a savepoint). */
    public OperatorSubtaskState snapshotState() {
        return snapshotState(TaskStateSnapshot.NO_CHECKPOINT, false);
    }

    /** Checkpoint {@code checkpointId} completed: the keyed state backend learns it. */
    public void notifyCheckpointComplete(long checkpointId) {
        if (keyedStateBackend instanceof AbstractKeyedStateBackend<?> keyed) {
            keyed.notifyCheckpointComplete(checkpointId);
        }
    }

    /** The operator is closed: its keyed state backend frees what it holds off the heap. */
    public void disposeState() {
        if (keyedStateBackend instanceof AbstractKeyedStateBackend<?> keyed) {
            keyed.dispose();
        }
    }

    @Override
    public OperatorStateStore getOperatorStateStore() {
        return operatorStateBackend;
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return restoredCheckpointId;
    }

    /**
     * Registers this operator's accumulators in {@code taskAccumulators}, shared by the chain;
     * {@code changedBySourceThread} for a source function, whose accumulators its own thread changes.
     */
    public RuntimeOperatorContext withAccumulators(TaskAccumulators taskAccumulators, boolean changedBySourceThread) {
        this.accumulators = taskAccumulators;
        this.accumulatorsChangedBySourceThread = changedBySourceThread;
        return this;
    }

    /** Gives the operator its metric group (tasks do; harnesses keep one that no reporter sees). */
    public RuntimeOperatorContext withMetricGroup(MetricGroup metricGroup) {
        this.metricGroup = metricGroup;
        return this;
    }

    /**
     * The operator's metric group. Without one given, a group of its own, registered nowhere:
     * metrics work (a test harness can read them) but are not reported.
     */
    @Override
    public MetricGroup getMetricGroup() {
        if (metricGroup == null) {
            metricGroup = ScopedMetricGroup.taskManager(MetricRegistry.unreported(), "localhost", "harness")
                    .addJob("harness", "harness").addTask("0", operatorName, taskInfo.getIndexOfThisSubtask(), 0)
                    .addOperator("0", operatorName);
        }
        return metricGroup;
    }

    /**
     * Says that the job takes periodic checkpoints: then the operator's task, once its input ended,
     * waits for the job's final checkpoint before it ends, and operators that commit on completed
     * checkpoints (two-phase-commit sinks) commit what they wrote last when that one completes,
     * not at the end of input. Harnesses leave it off.
     */
    public RuntimeOperatorContext withCheckpointingEnabled(boolean enabled) {
        this.checkpointingEnabled = enabled;
        return this;
    }

    /** See {@link #withCheckpointingEnabled}. */
    @Override
    public boolean isCheckpointingEnabled() {
        return checkpointingEnabled;
    }

    /** Gives the operator its task's mailbox (tasks and harnesses do). */
    public RuntimeOperatorContext withMailboxExecutor(MailboxExecutor mailboxExecutor) {
        this.mailboxExecutor = mailboxExecutor;
        return this;
    }

    @Override
    public MailboxExecutor getMailboxExecutor() {
        if (mailboxExecutor == null) {
            throw new IllegalStateException("Operator '" + operatorName + "' runs without a mailbox, so it cannot hand "
                    + "work to its task's thread.");
        }
        return mailboxExecutor;
    }

    public TaskAccumulators getAccumulators() {
        return accumulators;
    }

    @Override
    public void addAccumulator(String name, Accumulator<?, ?> accumulator) {
        accumulators.add(name, accumulator, accumulatorsChangedBySourceThread);
    }

    @Override
    public Accumulator<?, ?> getAccumulator(String name) {
        return accumulators.get(name);
    }

    @Override
    public String getOperatorName() {
        return operatorName;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public KeySelector<?, ?> getStateKeySelector() {
        return getStateKeySelector(0);
    }

    @Override
    public KeySelector<?, ?> getStateKeySelector(int inputIndex) {
        return inputIndex < stateKeySelectors.length ? stateKeySelectors[inputIndex] : null;
    }

    @Override
    public KeyedStateBackend<?> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    @Override
    public InternalTimerServices<?> getInternalTimerServices() {
        return timerServices;
    }

    /** Sends events to this operator's coordinator on the JobMaster. */
    public OperatorEventGateway getOperatorEventGateway() {
        return eventGateway;
    }
}
