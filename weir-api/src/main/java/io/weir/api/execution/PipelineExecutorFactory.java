package io.weir.api.execution;

import io.weir.api.configuration.Configuration;

/**
 * Creates executors. Found through {@link java.util.ServiceLoader}: the runtime registers the
 * local (embedded MiniCluster) executor.
 */
public interface PipelineExecutorFactory {
    /** A name such as {@code "local"}. */
    String name();

    PipelineExecutor createExecutor(Configuration configuration);
}
