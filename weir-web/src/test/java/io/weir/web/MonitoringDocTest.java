package io.weir.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.runtime.metrics.RegisteredMetric;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the metric table of {@code docs/monitoring.md} true: every built-in metric a running job
 * registers (with a source, a window operator behind an exchange, and a sink) is in the table, and
 * every row of the table is registered.
 */
class MonitoringDocTest {
    private static final Path PAGE = Path.of("..", "docs", "monitoring.md");
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| `([^`]+)` \\| (counter|gauge|meter) \\|");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void metricTableMatchesTheRegisteredMetrics() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(PAGE)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                documented.add(m.group(1) + " " + m.group(2));
            }
        }
        assertTrue(documented.size() > 30, "the table was not found in " + PAGE.toAbsolutePath() + ": " + documented);

        try (MiniCluster cluster = new MiniCluster(1, 2).start()) {
            Configuration c = new Configuration();
            c.set(PipelineOptions.PARALLELISM, 1);
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
            BlockingJob.build(env, 3, "docs");
            env.fromSequence(1, 3).name("Events")
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                            .withTimestampAssigner((v, t) -> v))
                    .keyBy(v -> v % 2).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .reduce((ReduceFunction<Long>) Long::sum).name("Window")
                    .addSink(new BlockingJob.BlockOnLast(1, "docs-window")).name("Hold window");
            JobClient job = env.executeAsync("Documented job");
            try {
                Set<String> registered = registeredWhenAllTasksRegistered(cluster);
                assertEquals(documented, registered, "docs/monitoring.md lists other metrics than a job registers."
                        + " Update the table (or the code).");
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until both jobs' tasks have registered their metrics, then classifies them by scope. */
    private static Set<String> registeredWhenAllTasksRegistered(MiniCluster cluster) {
        long deadline = System.nanoTime() + RestClient.TIMEOUT.toNanos();
        Set<String> registered = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            registered = new TreeSet<>();
            long windows = 0;
            long tasks = 0;
            for (RegisteredMetric m : cluster.metricRegistry().metrics()) {
                String scope = scopeOf(m);
                if (scope == null || m.name().equals("parsed")) {
                    continue; // the user's counter of the BlockingJob
                }
                String name = m.restName();
                if (scope.equals("Operator")) {
                    name = m.name();
                    windows += m.name().equals("numLateRecordsDropped") ? 1 : 0;
                }
                if (scope.equals("Task") && m.name().equals("numRecordsIn")) {
                    tasks++;
                }
                registered.add(scope + " " + name.replaceAll("GarbageCollector\\.[^.]+\\.", "GarbageCollector.<collector>."));
            }
            if (windows == 1 && tasks == 4) {
                return registered;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the jobs' tasks did not register their metrics in time: " + registered);
    }

    private static String scopeOf(RegisteredMetric m) {
        if (m.group().variable("<operator_id>") != null) {
            return "Operator";
        }
        if (m.group().variable("<task_id>") != null) {
            return "Task";
        }
        if (m.group().variable("<job_id>") != null) {
            return "Job";
        }
        if (m.restName().startsWith("Status.")) {
            return "Process";
        }
        return m.group().logicalScope().startsWith("jobmanager") ? "JobManager" : null;
    }
}
