package io.weir.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.metrics.Counter;
import io.weir.api.metrics.DescriptiveStatisticsHistogram;
import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.HistogramStatistics;
import io.weir.api.metrics.MeterView;
import io.weir.api.metrics.MetricGroup;
import io.weir.api.metrics.SimpleCounter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scopes, names and life cycle of metric groups, and the metric types' arithmetic. */
class MetricGroupsTest {
    // a long view interval: these tests update views themselves
    private final MetricRegistry registry = new MetricRegistry(Duration.ofHours(1));

    @AfterEach
    void close() {
        registry.close();
    }

    private ScopedMetricGroup operator() {
        return ScopedMetricGroup.taskManager(registry, "host-1", "tm-0").addJob("ab12", "WordCount")
                .addTask("00ff", "Source -> Map", 3, 0).addOperator("7", "Map");
    }

    @Test
    void operatorGroupHasFlinksScopeVariablesAndRestName() {
        ScopedMetricGroup map = operator();
        assertEquals(List.of("host-1", "taskmanager", "tm-0", "WordCount", "Map", "3"),
                List.of(map.getScopeComponents()));
        assertEquals("taskmanager.job.task.operator", map.logicalScope());
        assertEquals("host-1.taskmanager.tm-0.WordCount.Map.3.numRecordsIn", map.getMetricIdentifier("numRecordsIn"));
        Map<String, String> v = map.getAllVariables();
        assertEquals("WordCount", v.get("<job_name>"));
        assertEquals("Source -> Map", v.get("<task_name>"));
        assertEquals("3", v.get("<subtask_index>"));
        assertEquals("Map", v.get("<operator_name>"));
        assertEquals("00ff", v.get("<task_id>"));
        map.counter("seen");
        RegisteredMetric seen = registry.metrics().get(0);
        assertEquals("Map.seen", seen.restName());
    }

    @Test
    void userGroupsExtendScopeAndKeyValueGroupsAddALabel() {
        ScopedMetricGroup map = operator();
        MetricGroup parser = map.addGroup("parser");
        parser.counter("bad");
        MetricGroup region = map.addGroup("region", "eu");
        region.gauge("lag", (Gauge<Long>) () -> 5L);
        RegisteredMetric bad = registered("bad");
        assertEquals("Map.parser.bad", bad.restName());
        assertEquals("taskmanager.job.task.operator.parser", bad.group().logicalScope());
        RegisteredMetric lag = registered("lag");
        assertEquals("Map.region.eu.lag", lag.restName());
        assertEquals("eu", lag.group().getAllVariables().get("<region>"));
        assertEquals("taskmanager.job.task.operator.region", lag.group().logicalScope());
    }

    @Test
    void aSecondMetricOfTheSameNameIsNotRegistered() {
        ScopedMetricGroup map = operator();
        Counter first = map.counter("seen");
        Counter second = map.counter("seen");
        assertEquals(1, registry.metrics().size());
        assertSame(first, registry.metrics().get(0).metric());
        assertTrue(first != second);
        assertThrows(IllegalArgumentException.class, () -> map.counter(" "));
    }

    @Test
    void closingAGroupUnregistersItsMetricsAndSubgroups() {
        ScopedMetricGroup task = ScopedMetricGroup.taskManager(registry, "h", "tm").addJob("j", "J").addTask("t", "T", 0, 0);
        task.counter("a");
        task.addOperator("1", "Op").addGroup("g").counter("b");
        assertEquals(2, registry.metrics().size());
        task.close();
        assertEquals(0, registry.metrics().size());
        task.counter("late");
        assertEquals(0, registry.metrics().size(), "a closed group registers nothing");
    }

    @Test
    void unreportedRegistryKeepsNothingButMetricsStillCount() {
        ScopedMetricGroup group = ScopedMetricGroup.jobManager(MetricRegistry.unreported(), "h");
        Counter c = group.counter("c");
        c.inc(3);
        assertEquals(3, c.getCount());
        assertEquals(0, MetricRegistry.unreported().metrics().size());
    }

    @Test
    void meterViewRateIsTheGrowthOverItsTimeSpan() {
        SimpleCounter counter = new SimpleCounter();
        MeterView meter = new MeterView(counter, 10); // two updates of 5 s
        counter.inc(100);
        meter.update();
        assertEquals(10.0, meter.getRate(), 1e-9, "100 events over a 10 s span");
        counter.inc(100);
        meter.update();
        assertEquals(20.0, meter.getRate(), 1e-9);
        meter.update();
        assertEquals(10.0, meter.getRate(), 1e-9, "the first 100 left the span");
        meter.update();
        assertEquals(0.0, meter.getRate(), 1e-9);
        assertEquals(200, meter.getCount());
    }

    @Test
    void histogramKeepsTheLastValuesOfItsWindow() {
        DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(4);
        for (long v = 1; v <= 6; v++) {
            histogram.update(v);
        }
        HistogramStatistics s = histogram.getStatistics();
        assertEquals(6, histogram.getCount());
        assertEquals(4, s.size());
        assertEquals(3, s.getMin());
        assertEquals(6, s.getMax());
        assertEquals(4.5, s.getMean(), 1e-9);
        assertEquals(4.0, s.getQuantile(0.5), 1e-9);
        assertEquals(6.0, s.getQuantile(1.0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> s.getQuantile(1.5));
        assertThrows(IllegalArgumentException.class, () -> new DescriptiveStatisticsHistogram(0));
    }

    @Test
    void timeMsPerSecondIsTheShareOfTimeSpentWaiting() {
        long[] total = {0};
        TimeMsPerSecond gauge = new TimeMsPerSecond(() -> total[0]);
        total[0] = Long.MAX_VALUE / 4; // far more waiting than elapsed time: clamped
        gauge.update();
        assertEquals(1000L, gauge.getValue());
        gauge.update();
        assertEquals(0L, gauge.getValue(), "no waiting since the last update");
    }

    @Test
    void slf4jReportHasOneLinePerMetricByIdentifier() {
        ScopedMetricGroup map = operator();
        map.counter("b").inc(2);
        map.gauge("a", (Gauge<String>) () -> "text");
        String report = Slf4jReporter.render(registry.metrics());
        assertEquals("=== Weir metrics (2) ===\n"
                + "host-1.taskmanager.tm-0.WordCount.Map.3.a: text\n"
                + "host-1.taskmanager.tm-0.WordCount.Map.3.b: 2", report);
    }

    @Test
    void reporterFactoryClassMustBeOneWeirKnows() {
        io.weir.api.configuration.Configuration config = new io.weir.api.configuration.Configuration();
        config.set(MetricOptions.JMX_FACTORY, "com.example.NoSuchFactory");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricOptions.createRegistry(config));
        assertTrue(e.getMessage().contains("metrics.reporter.jmx.factory.class"), e.getMessage());
        assertTrue(e.getMessage().contains(JmxReporter.Factory.class.getName()), e.getMessage());
    }

    private RegisteredMetric registered(String name) {
        return registry.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
