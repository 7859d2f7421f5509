package io.weir.api.environment;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.PipelineExecutorFactory;
import java.util.ServiceLoader;

/** Finds the executor implementations the runtime registers through {@link ServiceLoader}. */
final class Executors {
    private Executors() {}

    static PipelineExecutor local(Configuration configuration) {
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class,
                StreamExecutionEnvironment.class.getClassLoader())) {
            if (factory.name().equals("local")) {
                return factory.createExecutor(configuration);
            }
        }
        throw new IllegalStateException("No local executor found: add io.weir:weir-runtime to the classpath "
                + "(it runs jobs on the embedded MiniCluster).");
    }
}
