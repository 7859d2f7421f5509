package io.weir.runtime.metrics;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.Configuration;
import io.weir.api.metrics.Counter;
import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.Histogram;
import io.weir.api.metrics.HistogramStatistics;
import io.weir.api.metrics.Meter;
import io.weir.api.metrics.Metric;
import java.lang.management.ManagementFactory;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every metric as an MBean on the JVM's platform MBean server, named as Flink names them:
 * domain {@code io.weir.<logical scope>.<metric name>}, one key property per scope variable
 * ({@code job_name=WordCount,subtask_index=0,...}). Counters have {@code Count}, gauges {@code Value},
 * meters {@code Rate} and {@code Count}, histograms their statistics.
 */
public final class JmxReporter implements MetricReporter {
    private static final Logger LOG = LoggerFactory.getLogger(JmxReporter.class);

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Map<RegisteredMetric, ObjectName> registered = new ConcurrentHashMap<>();

    /** The object name of a metric: the domain from its logical scope, one key per variable. */
    public static ObjectName objectName(RegisteredMetric metric) throws JMException {
        Hashtable<String, String> properties = new Hashtable<>();
        for (Map.Entry<String, String> v : metric.group().getAllVariables().entrySet()) {
            String key = v.getKey().replace("<", "").replace(">", "");
            properties.put(key, ObjectName.quote(v.getValue()));
        }
        String domain = "io.weir." + metric.group().logicalScope() + "." + metric.name();
        return new ObjectName(domain.replaceAll("[:*?=,\"\\n]", "_"), properties);
    }

    @Override
    public void metricAdded(RegisteredMetric metric) {
        Object bean = beanOf(metric.metric());
        if (bean == null) {
            return;
        }
        try {
            ObjectName name = objectName(metric);
            server.registerMBean(bean, name);
            registered.put(metric, name);
        } catch (InstanceAlreadyExistsException e) {
            LOG.debug("An MBean named like metric {} exists already; not registered twice", metric.identifier());
        } catch (JMException e) {
            LOG.warn("Metric {} could not be registered with JMX", metric.identifier(), e);
        }
    }

    @Override
    public void metricRemoved(RegisteredMetric metric) {
        ObjectName name = registered.remove(metric);
        if (name != null) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("MBean {} was already gone", name);
            }
        }
    }

    @Override
    public void close() {
        for (RegisteredMetric metric : List.copyOf(registered.keySet())) {
            metricRemoved(metric);
        }
    }

    private static Object beanOf(Metric metric) {
        try {
            if (metric instanceof Counter c) {
                return new StandardMBean((CounterMBean) c::getCount, CounterMBean.class);
            }
            if (metric instanceof Gauge<?> g) {
                return new StandardMBean((GaugeMBean) g::getValue, GaugeMBean.class);
            }
            if (metric instanceof Meter m) {
                return new StandardMBean(new MeterMBean() {
                    @Override
                    public double getRate() {
                        return m.getRate();
                    }

                    @Override
                    public long getCount() {
                        return m.getCount();
                    }
                }, MeterMBean.class);
            }
            if (metric instanceof Histogram h) {
                return new StandardMBean(new HistogramBean(h), HistogramMBean.class);
            }
        } catch (JMException e) {
            LOG.warn("Metric of {} has no MBean form", metric.getClass(), e);
        }
        return null;
    }

    /** A counter's MBean. */
    public interface CounterMBean {
        long getCount();
    }

    /** A gauge's MBean. */
    public interface GaugeMBean {
        Object getValue();
    }

    /** A meter's MBean. */
    public interface MeterMBean {
        double getRate();

        long getCount();
    }

    /** A histogram's MBean. */
    public interface HistogramMBean {
        long getCount();

        long getMin();

        long getMax();

        double getMean();

        double getStdDev();

        double getMedian();

        double get95thPercentile();

        double get99thPercentile();
    }

    private record HistogramBean(Histogram histogram) implements HistogramMBean {
        private HistogramStatistics s() {
            return histogram.getStatistics();
        }

        @Override
        public long getCount() {
            return histogram.getCount();
        }

        @Override
        public long getMin() {
            return s().getMin();
        }

        @Override
        public long getMax() {
            return s().getMax();
        }

        @Override
        public double getMean() {
            return s().getMean();
        }

        @Override
        public double getStdDev() {
            return s().getStdDev();
        }

        @Override
        public double getMedian() {
            return s().getQuantile(0.5);
        }

        @Override
        public double get95thPercentile() {
            return s().getQuantile(0.95);
        }

        @Override
        public double get99thPercentile() {
            return s().getQuantile(0.99);
        }
    }

    /** Starts the reporter when {@code metrics.reporter.jmx.factory.class} is set. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public String name() {
            return "jmx";
        }

        @Override
        public List<ConfigOption<?>> options() {
            return List.of(MetricOptions.JMX_FACTORY);
        }

        @Override
        public void startIfConfigured(Configuration configuration, MetricRegistry registry) {
            if (MetricReporterFactory.enabledByFactoryClass(configuration, MetricOptions.JMX_FACTORY,
                    Factory.class.getName(), "org.apache.flink.metrics.jmx.JMXReporterFactory")) {
                registry.addReporter(new JmxReporter());
            }
        }
    }
}
