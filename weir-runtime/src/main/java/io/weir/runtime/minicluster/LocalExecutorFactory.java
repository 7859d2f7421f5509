package io.weir.runtime.minicluster;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.PipelineExecutorFactory;

/** Registers the local executor: each job on its own embedded MiniCluster. */
public final class LocalExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public PipelineExecutor createExecutor(Configuration configuration) {
        return MiniClusterExecutor.perJob(configuration);
    }
}
