package io.weir.api.state;

/** The {@link ManagedInitializationContext} a {@code CheckpointedFunction} gets in {@code initializeState}. */
public interface FunctionInitializationContext extends ManagedInitializationContext {}
