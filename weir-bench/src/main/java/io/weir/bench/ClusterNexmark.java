package io.weir.bench;

import io.weir.api.configuration.Configuration;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionResult;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.NexmarkRun;
import io.weir.bench.nexmark.query.NexmarkQuery;
import io.weir.cluster.RemoteExecutor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster mode of {@code bench nexmark}: each run starts a fresh JobManager and two TaskManager
 * JVMs on loopback (this JVM's java and class path, free ports, each TaskManager with half the
 * parallelism's slots so the subtasks spread over both and every keyBy crosses the network), submits
 * the query's DataStream job from this JVM over the control plane, waits for it, and stops the
 * processes. It reports what a MiniCluster run reports: the job's net runtime as the JobManager
 * measured it, and the CPU time the three processes spent during the job (the MiniCluster run
 * counts its one JVM's); garbage-collection time is not measured (-1).
 *
 * <p>Threading: one run at a time, from the command's thread.
 */
final class ClusterNexmark {
    private static final String JOB_MANAGER_HEAP = "512m";
    private static final long JOB_MINUTES = 30;

    private final Path logDir;
    private final String taskManagerHeap;
    private int runs;

    /** @param taskManagerHeap each TaskManager's maximum heap, as for {@code -Xmx} */
    ClusterNexmark(Path logDir, String taskManagerHeap) {
        this.logDir = logDir;
        this.taskManagerHeap = taskManagerHeap;
    }

    /** Runs {@code spec} (a DataStream query, results discarded) on a fresh cluster. */
    ForkedJvm.Outcome run(NexmarkRun.Spec spec) throws Exception {
        int run = ++runs;
        long start = System.nanoTime();
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            ClusterNode jobManager = ClusterNode.start("jobmanager-" + run, "io.weir.cluster.JobManagerProcess", logDir,
                    JOB_MANAGER_HEAP, line -> line.startsWith("JobManager ready at "), "jobmanager.rpc.address=127.0.0.1",
                    "jobmanager.rpc.port=0");
            nodes.add(jobManager);
            String ready = jobManager.awaitReady();
            int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1).trim());
            int slots = (spec.parallelism() + 1) / 2;
            for (int i = 1; i <= 2; i++) {
                nodes.add(ClusterNode.start("taskmanager-" + run + "-" + i, "io.weir.cluster.TaskManagerProcess", logDir,
                        taskManagerHeap, line -> line.startsWith("TaskManager ") && line.endsWith(" registered"),
                        "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=" + port, "taskmanager.host=127.0.0.1",
                        "taskmanager.numberOfTaskSlots=" + slots));
            }
            for (ClusterNode node : nodes.subList(1, nodes.size())) {
                node.awaitReady();
            }
            long cpuBefore = cpuMillis(nodes);
            JobExecutionResult result = submitAndWait(spec, new InetSocketAddress("127.0.0.1", port));
            long cpuAfter = cpuMillis(nodes);
            long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
            return new ForkedJvm.Outcome(Map.of("job_ms", Long.toString(result.getNetRuntime()), "gc_ms", "-1",
                    "cpu_ms", Long.toString(cpu)), (System.nanoTime() - start) / 1e9);
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        }
    }

    private static <R> JobExecutionResult submitAndWait(NexmarkRun.Spec spec, InetSocketAddress jobManager)
            throws Exception {
        @SuppressWarnings("unchecked")
        NexmarkQuery<R> query = (NexmarkQuery<R>) spec.query();
        Configuration conf = new Configuration();
        spec.conf().forEach(conf::setString);
        try (RemoteExecutor executor = new RemoteExecutor(jobManager)) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, conf);
            env.setParallelism(spec.parallelism());
            DataStream<Event> source = env.fromSource(query.source(spec.config(), spec.events()),
                    query.watermarkStrategy(), "Nexmark source");
            query.build(source).sinkTo(new DiscardingSink<>()).name("Discard");
            return env.executeAsync("Nexmark " + query.name() + " (cluster)").getJobExecutionResult()
                    .get(JOB_MINUTES, TimeUnit.MINUTES);
        }
    }

    /** The CPU time of all processes so far, or -1 if one of them does not say. */
    private static long cpuMillis(List<ClusterNode> nodes) {
        long total = 0;
        for (ClusterNode node : nodes) {
            long millis = node.cpuMillis();
            if (millis < 0) {
                return -1;
            }
            total += millis;
        }
        return total;
    }
}
