package io.weir.testutils;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the jobs of a test class on one shared MiniCluster. While it is active,
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} returns environments on that cluster
 * with a parallelism of all its slots.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
 *         .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();
 *
 * @Test
 * void countsWords() throws Exception {
 *     StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 *     ...
 * }
 * }</pre>
 */
public final class MiniClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private final int taskManagers;
    private final int slotsPerTaskManager;
    private MiniCluster cluster;

    private MiniClusterExtension(int taskManagers, int slotsPerTaskManager) {
        this.taskManagers = taskManagers;
        this.slotsPerTaskManager = slotsPerTaskManager;
    }

    /** One task manager with two slots. */
    public MiniClusterExtension() {
        this(1, 2);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = new MiniCluster(taskManagers, slotsPerTaskManager).start();
        int parallelism = cluster.totalSlots();
        StreamExecutionEnvironment.initializeContextEnvironment(configuration -> {
            Configuration c = new Configuration(configuration);
            c.set(PipelineOptions.PARALLELISM, parallelism);
            return new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        StreamExecutionEnvironment.resetContextEnvironment();
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** The running cluster (between beforeAll and afterAll). */
    public MiniCluster getMiniCluster() {
        if (cluster == null) {
            throw new IllegalStateException("The MiniCluster runs only while the test class runs: register the "
                    + "extension with @RegisterExtension on a static field.");
        }
        return cluster;
    }

    /** An environment on the cluster with the given parallelism. */
    public StreamExecutionEnvironment createEnvironment(int parallelism) {
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, parallelism);
        return new StreamExecutionEnvironment(MiniClusterExecutor.on(getMiniCluster()), c);
    }

    /** Configures the shared cluster. */
    public static final class Builder {
        private int taskManagers = 1;
        private int slotsPerTaskManager = 2;

        public Builder setNumberTaskManagers(int taskManagers) {
            this.taskManagers = taskManagers;
            return this;
        }

        public Builder setNumberSlotsPerTaskManager(int slots) {
            this.slotsPerTaskManager = slots;
            return this;
        }

        public MiniClusterExtension build() {
            return new MiniClusterExtension(taskManagers, slotsPerTaskManager);
        }
    }
}
