package io.weir.api.state;

/**
 * The context {@code AbstractStreamOperator.initializeState(StateInitializationContext)} gets: the
 * operator's state stores and whether they were restored.
 */
public interface StateInitializationContext extends FunctionInitializationContext {}
