package io.weir.api.environment;

import io.weir.api.configuration.Configuration;

/** Creates environments for {@link StreamExecutionEnvironment#getExecutionEnvironment()} in a given context. */
@FunctionalInterface
public interface StreamExecutionEnvironmentFactory {
    StreamExecutionEnvironment createExecutionEnvironment(Configuration configuration);
}
