package io.weir.runtime.graph;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.ExecutionConfig;
import java.util.Collections;
import java.util.List;

/**
 * The job as a graph of operators (one node per operator, edges carrying the exchange), before
 * chaining. Nodes are in topological order.
 */
public final class StreamGraph {
    private final String jobName;
    private final List<StreamNode> nodes;
    private final ExecutionConfig executionConfig;
    private final Configuration configuration;

    StreamGraph(String jobName, List<StreamNode> nodes, ExecutionConfig executionConfig, Configuration configuration) {
        this.jobName = jobName;
        this.nodes = Collections.unmodifiableList(nodes);
        this.executionConfig = executionConfig;
        this.configuration = configuration;
    }

    public String getJobName() {
        return jobName;
    }

    public List<StreamNode> getNodes() {
        return nodes;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    public Configuration getConfiguration() {
        return configuration;
    }
}
