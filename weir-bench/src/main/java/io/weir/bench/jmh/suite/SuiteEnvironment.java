package io.weir.bench.jmh.suite;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.bench.jmh.ProcessCpuTime;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;

/**
 * The environment of the same-program suite, set as flink-benchmarks' {@code FlinkEnvironmentContext}
 * sets Flink's: one MiniCluster (1 TaskManager, 4 slots) for the whole JVM, that is for the JMH trial
 * (one fork per trial), and a fresh environment on it per job: parallelism 1 unless a benchmark sets
 * another, object reuse on, no checkpoints unless a benchmark enables them. The Flink twin keeps its
 * MiniCluster per trial the same way, so neither engine's figures carry a cluster's start.
 */
public final class SuiteEnvironment {
    private static MiniCluster cluster;

    private SuiteEnvironment() {}

    /** A fresh environment on the suite's cluster, which starts with the first one. */
    public static synchronized StreamExecutionEnvironment create() {
        if (cluster == null) {
            MiniCluster started = new MiniCluster(1, 4).start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "suite-cluster-shutdown"));
            cluster = started;
        }
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.PARALLELISM, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), configuration);
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
