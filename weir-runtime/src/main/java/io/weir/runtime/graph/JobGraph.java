package io.weir.runtime.graph;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.execution.JobID;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job as the scheduler sees it: vertices (operator chains) in topological order and their edges.
 *
 * <p>Serializable, so that it travels to a cluster's JobManager and TaskManagers; user functions
 * inside travel serialized (see {@link SerializedOperatorFactory}). The user class loader does not
 * travel: a graph read from a {@link UserCodeObjectInputStream} takes that stream's class loader.
 */
public final class JobGraph implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final JobID jobId = JobID.generate();
    private final String name;
    private final List<JobVertex> vertices;
    private final List<JobEdge> edges;
    private final ExecutionConfig executionConfig;
    private final Configuration configuration;
    private transient ClassLoader userClassLoader;

    JobGraph(String name, List<JobVertex> vertices, List<JobEdge> edges, ExecutionConfig executionConfig,
            Configuration configuration, ClassLoader userClassLoader) {
        this.name = name;
        this.vertices = Collections.unmodifiableList(vertices);
        this.edges = Collections.unmodifiableList(edges);
        this.executionConfig = executionConfig;
        this.configuration = configuration;
        this.userClassLoader = userClassLoader;
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getName() {
        return name;
    }

    public List<JobVertex> getVertices() {
        return vertices;
    }

    public List<JobEdge> getEdges() {
        return edges;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public ClassLoader getUserClassLoader() {
        return userClassLoader;
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        userClassLoader = in instanceof UserCodeObjectInputStream userCode ? userCode.classLoader()
                : JobGraph.class.getClassLoader();
    }

    /**
     * Slots needed per slot sharing group: subtask i of every vertex in a group shares one slot, so a
     * group needs as many slots as its largest parallelism.
     */
    public Map<String, Integer> slotsPerSharingGroup() {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (JobVertex v : vertices) {
            slots.merge(v.getSlotSharingGroup(), v.getParallelism(), Math::max);
        }
        return slots;
    }

    public int requiredSlots() {
        return slotsPerSharingGroup().values().stream().mapToInt(Integer::intValue).sum();
    }
}
