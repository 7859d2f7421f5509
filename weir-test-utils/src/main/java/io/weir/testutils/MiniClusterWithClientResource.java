package io.weir.testutils;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.minicluster.MiniCluster;
import org.junit.rules.ExternalResource;

/**
 * The JUnit 4 rule that runs the jobs of a test class on one shared MiniCluster, as
 * {@link MiniClusterExtension} does for JUnit 5. While it is active,
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} returns environments on that cluster
 * with a parallelism of all its slots.
 *
 * <pre>{@code
 * @ClassRule
 * public static final MiniClusterWithClientResource CLUSTER = new MiniClusterWithClientResource(
 *         new MiniClusterResourceConfiguration.Builder()
 *                 .setNumberTaskManagers(1)
 *                 .setNumberSlotsPerTaskManager(2)
 *                 .build());
 * }</pre>
 *
 * <p>JUnit 4 is an optional dependency of weir-test-utils: a project using this rule has JUnit 4
 * (junit:junit) on its test class path already.
 */
public class MiniClusterWithClientResource extends ExternalResource {
    private final MiniClusterResourceConfiguration configuration;
    private ContextMiniCluster context;

    public MiniClusterWithClientResource(MiniClusterResourceConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void before() {
        context = ContextMiniCluster.start(configuration.getNumberTaskManagers(),
                configuration.getNumberSlotsPerTaskManager());
    }

    @Override
    protected void after() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** The running cluster, while the rule is active. */
    public MiniCluster getMiniCluster() {
        return active().cluster();
    }

    /** An environment on the cluster with the given parallelism. */
    public StreamExecutionEnvironment createEnvironment(int parallelism) {
        return active().createEnvironment(parallelism);
    }

    private ContextMiniCluster active() {
        if (context == null) {
            throw new IllegalStateException("The MiniCluster runs only while the rule is active: declare it as a "
                    + "public static final field annotated with @ClassRule (or a public field with @Rule).");
        }
        return context;
    }
}
