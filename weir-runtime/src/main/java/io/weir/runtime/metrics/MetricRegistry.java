package io.weir.runtime.metrics;

import io.weir.api.metrics.MeterView;
import io.weir.api.metrics.View;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every metric registered in a cluster (of one process), the reporters that publish them, and the
 * thread that updates the {@link View}s (rates, time ratios) at a fixed interval.
 *
 * <h2>Threading</h2>
 * Metrics are registered and unregistered by the threads that own their groups; reporters and the
 * REST API read {@link #metrics} from their own threads. Views are updated on the registry's own
 * thread, which also runs scheduled reporters. A reporter that throws is logged, never fatal.
 */
public final class MetricRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);

    private final Set<RegisteredMetric> metrics = ConcurrentHashMap.newKeySet();
    private final Set<View> views = ConcurrentHashMap.newKeySet();
    private final List<MetricReporter> reporters = new CopyOnWriteArrayList<>();
    private final long viewIntervalMillis;
    private final ScheduledExecutorService scheduler;

    /** Holds the registry of metrics that nothing reports, created on first use. */
    private static final class Unreported {
        static final MetricRegistry INSTANCE = new MetricRegistry((Void) null);
    }

    private MetricRegistry(Void keepsNothing) {
        this.viewIntervalMillis = View.UPDATE_INTERVAL_SECONDS * 1000L;
        this.scheduler = null;
    }

    /**
     * A registry that keeps nothing: groups on it work (their metrics count) but no reporter, REST
     * call or view update ever sees them. For operators outside a cluster, such as in test harnesses.
     */
    public static MetricRegistry unreported() {
        return Unreported.INSTANCE;
    }

    /** @param viewInterval how often rates and time ratios are recomputed */
    public MetricRegistry(Duration viewInterval) {
        if (viewInterval.isZero() || viewInterval.isNegative()) {
            throw new IllegalArgumentException("metrics.view.update-interval must be positive, got " + viewInterval);
        }
        this.viewIntervalMillis = viewInterval.toMillis();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-metrics");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::updateViews, viewIntervalMillis, viewIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** A registry with the default view interval of {@link View#UPDATE_INTERVAL_SECONDS}. */
    public MetricRegistry() {
        this(Duration.ofSeconds(View.UPDATE_INTERVAL_SECONDS));
    }

    /** Adds a reporter; it learns of the metrics already registered. */
    public void addReporter(MetricReporter reporter) {
        reporters.add(reporter);
        for (RegisteredMetric metric : metrics) {
            notifyAdded(reporter, metric);
        }
    }

    /** Runs a scheduled reporter every {@code interval} on the registry's thread. */
    public void schedule(MetricReporter reporter, Duration interval) {
        if (scheduler == null) {
            throw new IllegalStateException("The unreported registry runs no reporters");
        }
        long millis = interval.toMillis();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                reporter.report();
            } catch (RuntimeException e) {
                LOG.warn("Metric reporter {} failed to report", reporter, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    void register(RegisteredMetric metric) {
        if (scheduler == null || !metrics.add(metric)) {
            return;
        }
        if (metric.metric() instanceof View view) {
            views.add(view);
        }
        for (MetricReporter reporter : reporters) {
            notifyAdded(reporter, metric);
        }
    }

    void unregister(RegisteredMetric metric) {
        if (!metrics.remove(metric)) {
            return;
        }
        if (metric.metric() instanceof View view) {
            views.remove(view);
        }
        for (MetricReporter reporter : reporters) {
            try {
                reporter.metricRemoved(metric);
            } catch (RuntimeException e) {
                LOG.warn("Metric reporter {} failed to remove {}", reporter, metric.identifier(), e);
            }
        }
    }

    private static void notifyAdded(MetricReporter reporter, RegisteredMetric metric) {
        try {
            reporter.metricAdded(metric);
        } catch (RuntimeException e) {
            LOG.warn("Metric reporter {} failed to add {}", reporter, metric.identifier(), e);
        }
    }

    /** The reporters started on this registry. */
    public List<MetricReporter> reporters() {
        return List.copyOf(reporters);
    }

    /** A snapshot of the registered metrics. */
    public List<RegisteredMetric> metrics() {
        return new ArrayList<>(metrics);
    }

    /** A snapshot of the registered metrics whose group matches. */
    public List<RegisteredMetric> metrics(Predicate<ScopedMetricGroup> group) {
        List<RegisteredMetric> matching = new ArrayList<>();
        for (RegisteredMetric metric : metrics) {
            if (group.test(metric.group())) {
                matching.add(metric);
            }
        }
        return matching;
    }

    private void updateViews() {
        for (View view : views) {
            try {
                if (view instanceof MeterView meter) {
                    meter.update(viewIntervalMillis);
                } else {
                    view.update();
                }
            } catch (RuntimeException e) {
                LOG.warn("Updating metric view {} failed", view, e);
            }
        }
    }

    /** The interval at which views are updated. */
    public long viewIntervalMillis() {
        return viewIntervalMillis;
    }

    @Override
    public void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        for (MetricReporter reporter : reporters) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing metric reporter {} failed", reporter, e);
            }
        }
        reporters.clear();
    }
}
