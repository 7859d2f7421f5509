package anchor.suite;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ResourceManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.util.MiniClusterPipelineExecutorServiceLoader;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Flink MiniCluster per JMH trial, configured as flink-benchmarks' {@code FlinkEnvironmentContext}
 * configures it: 1 TaskManager with 4 slots, hashmap state, no restarts, REST on a free port, no
 * checkpoints after tasks finish. Every job gets a fresh environment on it ({@link #environment}),
 * at parallelism 1 with object reuse on, as Weir's {@code SuiteEnvironment} sets Weir's; a benchmark
 * changes what its program needs (parallelism, checkpoints, buffer timeout).
 */
@State(Scope.Thread)
public class SuiteCluster {
    private Configuration configuration;
    private MiniCluster miniCluster;

    @Setup(Level.Trial)
    public void start() throws Exception {
        if (miniCluster != null) {
            throw new IllegalStateException("SuiteCluster.start called twice in one trial");
        }
        configuration = new Configuration();
        configuration.set(RestOptions.BIND_PORT, "0");
        configuration.set(DeploymentOptions.TARGET, MiniClusterPipelineExecutorServiceLoader.NAME);
        configuration.set(DeploymentOptions.ATTACHED, true);
        configuration.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, false);
        configuration.set(ResourceManagerOptions.REQUIREMENTS_CHECK_DELAY, Duration.ZERO);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(4)
                .setConfiguration(configuration)
                .build());
        miniCluster.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (miniCluster != null) {
            miniCluster.close();
            miniCluster = null;
        }
    }

    /** A fresh environment on this trial's cluster: parallelism 1, object reuse on, no checkpoints. */
    public StreamExecutionEnvironment environment() {
        if (miniCluster == null) {
            throw new IllegalStateException("The MiniCluster is not running: SuiteCluster.start() first");
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(
                new MiniClusterPipelineExecutorServiceLoader(miniCluster), configuration, null);
        env.setParallelism(1);
        env.getConfig().enableObjectReuse();
        return env;
    }

    /** Runs the job and adds its CPU time and {@code records} to {@code cpu}; returns the net runtime in ms. */
    public static long execute(StreamExecutionEnvironment env, String name, long records, ProcessCpuTime cpu)
            throws Exception {
        cpu.jobStarts();
        long runtime = env.execute(name).getNetRuntime();
        cpu.jobEnded(records);
        return runtime;
    }
}
