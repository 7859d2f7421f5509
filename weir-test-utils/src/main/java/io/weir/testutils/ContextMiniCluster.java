package io.weir.testutils;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;

/**
 * A MiniCluster that is the context of the test's jobs while it runs: between {@link #start} and
 * {@link #close}, {@link StreamExecutionEnvironment#getExecutionEnvironment()} returns environments
 * on it, with a parallelism of all its slots. The JUnit 5 extension and the JUnit 4 rule both run
 * their cluster through this class.
 */
final class ContextMiniCluster implements AutoCloseable {
    private final MiniCluster cluster;

    private ContextMiniCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    static ContextMiniCluster start(int taskManagers, int slotsPerTaskManager) {
        MiniCluster cluster = new MiniCluster(taskManagers, slotsPerTaskManager).start();
        int parallelism = cluster.totalSlots();
        StreamExecutionEnvironment.initializeContextEnvironment(configuration -> {
            Configuration c = new Configuration(configuration);
            if (!c.contains(PipelineOptions.PARALLELISM)) {
                c.set(PipelineOptions.PARALLELISM, parallelism);
            }
            return new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
        });
        return new ContextMiniCluster(cluster);
    }

    MiniCluster cluster() {
        return cluster;
    }

    /** An environment on the cluster with the given parallelism. */
    StreamExecutionEnvironment createEnvironment(int parallelism) {
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, parallelism);
        return new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
    }

    @Override
    public void close() {
        StreamExecutionEnvironment.resetContextEnvironment();
        cluster.close();
    }
}
