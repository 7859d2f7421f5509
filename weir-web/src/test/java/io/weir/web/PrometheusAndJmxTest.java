package io.weir.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.runtime.metrics.JmxReporter;
import io.weir.runtime.metrics.MetricOptions;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import io.weir.web.prometheus.PrometheusReporter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Prometheus scrapes and JMX reads of a running job: the counts equal what the job processed, a
 * user counter is there, and the rates and the uptime move.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PrometheusAndJmxTest {
    private static final long RECORDS = 500;

    private static MiniCluster cluster;
    private static RestClient prometheus;
    private static JobClient job;

    @BeforeAll
    static void startClusterAndJob() throws Exception {
        Configuration config = new Configuration();
        config.set(PrometheusReporter.PORT, "0");
        config.set(PrometheusReporter.HOST, "localhost");
        config.set(MetricOptions.JMX_FACTORY, JmxReporter.Factory.class.getName());
        config.set(MetricOptions.VIEW_UPDATE_INTERVAL, Duration.ofMillis(500));
        cluster = new MiniCluster(1, 2, Clock.systemUTC(), config).start();
        PrometheusReporter reporter = cluster.metricRegistry().reporters().stream()
                .filter(PrometheusReporter.class::isInstance).map(PrometheusReporter.class::cast).findFirst()
                .orElseThrow();
        prometheus = new RestClient("http://localhost:" + reporter.port());
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
        BlockingJob.build(env, RECORDS, "prometheus");
        job = env.executeAsync("Scraped job");
        pollScrape(text -> sample(text, "weir_taskmanager_job_task_numRecordsIn", "task_name=\"Hold\"") == RECORDS);
    }

    @AfterAll
    static void stop() {
        if (job != null) {
            job.cancel().orTimeout(30, TimeUnit.SECONDS).join();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void scrapeHasTheCountsWithFlinksNamesAndLabels() throws Exception {
        String text = prometheus.text("/metrics");
        assertEquals(RECORDS, sample(text, "weir_taskmanager_job_task_numRecordsOut", "task_name=\"Sequence -> Parse\""));
        assertEquals(RECORDS, sample(text, "weir_taskmanager_job_task_operator_numRecordsIn", "operator_name=\"Parse\""));
        assertEquals(RECORDS, sample(text, "weir_taskmanager_job_task_operator_parsed", "operator_name=\"Parse\""),
                "the user counter");
        String line = line(text, "weir_taskmanager_job_task_numRecordsIn", "task_name=\"Hold\"");
        for (String label : List.of("job_id=\"" + job.getJobID().toHexString() + "\"", "job_name=\"Scraped job\"",
                "subtask_index=\"0\"", "tm_id=\"taskexecutor-0\"", "host=\"localhost\"", "task_id=\"")) {
            assertTrue(line.contains(label), label + " in " + line);
        }
        assertTrue(text.contains("# TYPE weir_taskmanager_job_task_numRecordsIn gauge\n"), text);
        assertTrue(sample(text, "weir_jobmanager_Status_JVM_Memory_Heap_Used", "host=\"localhost\"") > 0);
        assertTrue(sample(text, "weir_taskmanager_Status_JVM_Threads_Count", "tm_id=\"taskexecutor-0\"") > 0);
        assertEquals(1, sample(text, "weir_jobmanager_numRunningJobs", "host=\"localhost\""));
    }

    @Test
    void ratesAndUptimeMove() throws Exception {
        pollScrape(text -> sample(text, "weir_taskmanager_job_task_numRecordsInPerSecond", "task_name=\"Hold\"") > 0);
        double first = sample(prometheus.text("/metrics"), "weir_jobmanager_job_uptime", "job_name=\"Scraped job\"");
        pollScrape(text -> sample(text, "weir_jobmanager_job_uptime", "job_name=\"Scraped job\"") > first);
    }

    @Test
    void jmxHasTheMetricsAsMBeans() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("io.weir.taskmanager.job.task.numRecordsIn:*"), null);
        List<Long> counts = new ArrayList<>();
        for (ObjectName name : names) {
            if (ObjectName.unquote(name.getKeyProperty("task_name")).equals("Hold")
                    && ObjectName.unquote(name.getKeyProperty("job_name")).equals("Scraped job")) {
                counts.add((Long) server.getAttribute(name, "Count"));
            }
        }
        assertEquals(List.of(RECORDS), counts, names.toString());
    }

    private static String pollScrape(java.util.function.Predicate<String> until) throws Exception {
        long deadline = System.nanoTime() + RestClient.TIMEOUT.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = prometheus.text("/metrics");
            if (until.test(text)) {
                return text;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the scrape did not reach the expected values within " + RestClient.TIMEOUT + ":\n" + text);
    }

    /** The value of the one sample of {@code name} whose labels contain {@code label}; -1 if there is none. */
    private static double sample(String text, String name, String label) {
        String line = lineOrNull(text, name, label);
        return line == null ? -1 : Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static String line(String text, String name, String label) {
        String line = lineOrNull(text, name, label);
        if (line == null) {
            throw new AssertionError("no sample " + name + " with " + label + " in:\n" + text);
        }
        return line;
    }

    private static String lineOrNull(String text, String name, String label) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(text);
        String found = null;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                if (found != null) {
                    throw new AssertionError("two samples " + name + " with " + label + ": " + found + " / " + m.group());
                }
                found = m.group();
            }
        }
        return found;
    }
}
