package io.weir.api.functions.source;

/**
 * A {@link SourceFunction} that may run as several parallel instances, each producing its own part
 * of the stream (for example by {@code getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()}).
 */
public interface ParallelSourceFunction<T> extends SourceFunction<T> {}
