package io.weir.sql.api;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.sql.session.SqlSession;

/**
 * A {@link TableEnvironment} bound to a {@link StreamExecutionEnvironment}: SQL jobs run on that
 * environment, with its parallelism and executor.
 */
public interface StreamTableEnvironment extends TableEnvironment {

    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment) {
        return SqlSession.create(executionEnvironment, EnvironmentSettings.inStreamingMode());
    }

    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment,
            EnvironmentSettings settings) {
        return SqlSession.create(executionEnvironment, settings);
    }
}
