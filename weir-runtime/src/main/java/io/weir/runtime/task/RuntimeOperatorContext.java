package io.weir.runtime.task;

import io.weir.api.accumulators.Accumulator;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.TaskInfo;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.OperatorContext;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.coordination.OperatorEventGateway;

/** The {@link OperatorContext} the runtime gives an operator, plus the way to its coordinator. */
public final class RuntimeOperatorContext implements OperatorContext {
    private final String operatorName;
    private final TaskInfo taskInfo;
    private final ExecutionConfig executionConfig;
    private final ClassLoader userCodeClassLoader;
    private final KeySelector<?, ?> stateKeySelector;
    private final KeyedStateBackend<?> keyedStateBackend;
    private final OperatorEventGateway eventGateway;
    private TaskAccumulators accumulators;
    private boolean accumulatorsChangedBySourceThread;

    public RuntimeOperatorContext(String operatorName, TaskInfo taskInfo, ExecutionConfig executionConfig,
            ClassLoader userCodeClassLoader, KeySelector<?, ?> stateKeySelector, KeyedStateBackend<?> keyedStateBackend,
            OperatorEventGateway eventGateway) {
        this.operatorName = operatorName;
        this.taskInfo = taskInfo;
        this.executionConfig = executionConfig;
        this.userCodeClassLoader = userCodeClassLoader;
        this.stateKeySelector = stateKeySelector;
        this.keyedStateBackend = keyedStateBackend;
        this.eventGateway = eventGateway;
        this.accumulators = new TaskAccumulators(operatorName);
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
        return stateKeySelector;
    }

    @Override
    public KeyedStateBackend<?> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    /** Sends events to this operator's coordinator on the JobMaster. */
    public OperatorEventGateway getOperatorEventGateway() {
        return eventGateway;
    }
}
