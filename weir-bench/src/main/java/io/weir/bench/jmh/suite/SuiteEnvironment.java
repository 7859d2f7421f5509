package io.weir.bench.jmh.suite;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.bench.jmh.ProcessCpuTime;
import java.lang.management.ManagementFactory;

/**
 * The environment of the same-program suite, set as flink-benchmarks' {@code FlinkEnvironmentContext}
 * sets Flink's: a local cluster, parallelism 1 unless a benchmark sets another, object reuse on, no
 * checkpoints unless a benchmark enables them. One fresh environment (and cluster) per job.
 */
public final class SuiteEnvironment {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SuiteEnvironment() {}

    public static StreamExecutionEnvironment create() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().enableObjectReuse();
        return env;
    }

    /** Runs the job and adds its CPU time and {@code records} to {@code cpu}; returns the net runtime in ms. */
    public static long execute(StreamExecutionEnvironment env, String name, long records, ProcessCpuTime cpu)
            throws Exception {
        long start = OS.getProcessCpuTime();
        long runtime = env.execute(name).getNetRuntime();
        cpu.add(start, records);
        return runtime;
    }
}
