package io.weir.sql.functions;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.metrics.MetricGroup;

/** What a {@link UserDefinedFunction} sees of the subtask it runs in, in {@code open}. */
public final class FunctionContext {

    private final RuntimeContext runtimeContext;

    public FunctionContext(RuntimeContext runtimeContext) {
        this.runtimeContext = runtimeContext;
    }

    public MetricGroup getMetricGroup() {
        return runtimeContext.getMetricGroup();
    }

    public ClassLoader getUserCodeClassLoader() {
        return runtimeContext.getUserCodeClassLoader();
    }

    /** The subtask's index, from 0. */
    public int getIndexOfThisSubtask() {
        return runtimeContext.getTaskInfo().getIndexOfThisSubtask();
    }

    public int getNumberOfParallelSubtasks() {
        return runtimeContext.getTaskInfo().getNumberOfParallelSubtasks();
    }
}
