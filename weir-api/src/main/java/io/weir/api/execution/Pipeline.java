package io.weir.api.execution;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.transformations.Transformation;
import java.util.List;

/**
 * A job as the API built it: the transformations that lead to its sinks, plus its settings. An
 * executor turns it into a job graph and runs it.
 */
public record Pipeline(
        String jobName,
        List<Transformation<?>> sinks,
        ExecutionConfig executionConfig,
        Configuration configuration,
        RuntimeExecutionMode runtimeMode) {}
