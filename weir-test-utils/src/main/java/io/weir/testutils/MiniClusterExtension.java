package io.weir.testutils;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.minicluster.MiniCluster;
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
    private ContextMiniCluster context;

    private MiniClusterExtension(int taskManagers, int slotsPerTaskManager) {
        this.taskManagers = taskManagers;
        this.slotsPerTaskManager = slotsPerTaskManager;
    }

    /** One task manager with two slots. */
    public MiniClusterExtension() {
        this(1, 2);
    }

    /** A cluster of the given size, configured as for the JUnit 4 rule. */
    public MiniClusterExtension(MiniClusterResourceConfiguration configuration) {
        this(configuration.getNumberTaskManagers(), configuration.getNumberSlotsPerTaskManager());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext extensionContext) {
        context = ContextMiniCluster.start(taskManagers, slotsPerTaskManager);
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** The running cluster (between beforeAll and afterAll). */
    public MiniCluster getMiniCluster() {
        return active().cluster();
    }

    /** An environment on the cluster with the given parallelism. */
    public StreamExecutionEnvironment createEnvironment(int parallelism) {
        return active().createEnvironment(parallelism);
    }

    private ContextMiniCluster active() {
        if (context == null) {
            throw new IllegalStateException("The MiniCluster runs only while the test class runs: register the "
                    + "extension with @RegisterExtension on a static field.");
        }
        return context;
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
