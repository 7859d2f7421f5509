package io.weir.runtime.graph;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.environment.BatchShuffleMode;
import io.weir.api.environment.ExecutionConfig;
import io.weir.api.environment.RuntimeExecutionMode;
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
 * travel: a graph read from a {@link UserCodeObjectInputStream} takes that stream's class loader,
 * which for a graph with shipped {@link #getJars() jars} is the loader of those jars (held until
 * {@link #releaseUserCode()}). The id and the jars are written before the other fields, so a
 * reader knows which jars to load before it meets the job's classes.
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
    private transient List<JobJar> jars = List.of();
    private transient JobCodeResolver.Lease userCodeLease;

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

    /** The jars of the job's code that the cluster ships to its processes; empty when none are shipped. */
    public List<JobJar> getJars() {
        return jars;
    }

    /** Sets the shipped jars (the client does, after uploading them to the cluster's blob service). */
    public void setJars(List<JobJar> jars) {
        this.jars = List.copyOf(jars);
    }

    /**
     * Gives back this graph's hold on the class loader of its shipped jars (taken when it was read);
     * call it when nothing of the graph runs any more. Does nothing for a graph without one, and the
     * second time.
     */
    public void releaseUserCode() {
        JobCodeResolver.Lease lease;
        synchronized (this) {
            lease = userCodeLease;
            userCodeLease = null;
        }
        if (lease != null) {
            lease.close();
        }
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.writeObject(jobId);
        out.writeObject(new java.util.ArrayList<>(jars));
        out.defaultWriteObject();
    }

    @SuppressWarnings("unchecked")
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        JobID id = (JobID) in.readObject();
        jars = List.copyOf((List<JobJar>) in.readObject());
        if (in instanceof UserCodeObjectInputStream userCode) {
            userCodeLease = userCode.useJobCode(id, jars);
        }
        try {
            in.defaultReadObject();
        } catch (java.io.IOException | ClassNotFoundException | RuntimeException e) {
            releaseUserCode();
            throw e;
        }
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

    /**
     * Whether every exchange between this job's vertices is blocking, and its vertices are therefore
     * scheduled stage by stage: a BATCH job with {@code execution.batch-shuffle-mode} left at
     * {@code ALL_EXCHANGES_BLOCKING}. Each vertex is then a pipelined region of its own.
     */
    public boolean hasBlockingExchanges() {
        return executionConfig.getRuntimeMode() == RuntimeExecutionMode.BATCH
                && configuration.get(ExecutionOptions.BATCH_SHUFFLE_MODE)
                        == BatchShuffleMode.ALL_EXCHANGES_BLOCKING;
    }
}
