package io.weir.web.prometheus;

import io.javalin.Javalin;
import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.metrics.MetricReporter;
import io.weir.runtime.metrics.MetricReporterFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every metric of the registry at {@code http://<host>:<port>/metrics} in Prometheus's text
 * format (see {@link PrometheusText}), read at each scrape: nothing is copied in between.
 *
 * <p>Threading: scrapes run on the HTTP server's threads and read the metrics' current values.
 */
public final class PrometheusReporter implements MetricReporter {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusReporter.class);

    public static final ConfigOption<String> FACTORY = ConfigOptions.key("metrics.reporter.prom.factory.class")
            .stringType().noDefaultValue()
            .withDescription("Set to " + Factory.class.getName() + " to serve the metrics to Prometheus.");

    public static final ConfigOption<String> PORT = ConfigOptions.key("metrics.reporter.prom.port")
            .stringType().noDefaultValue()
            .withDescription("Port, or range of ports (\"9250-9260\"), of the Prometheus endpoint; the first free one"
                    + " is taken, 0 = any free port. Setting it enables the reporter; with only the factory class"
                    + " set the port is 9249.");

    public static final ConfigOption<String> HOST = ConfigOptions.key("metrics.reporter.prom.host")
            .stringType().defaultValue("0.0.0.0")
            .withDescription("Address the Prometheus endpoint listens on (all interfaces by default, as Prometheus"
                    + " scrapes from elsewhere).");

    private final Javalin server;

    private PrometheusReporter(Javalin server) {
        this.server = server;
    }

    /** Starts serving {@code registry}; tries the ports from {@code first} to {@code last}. */
    static PrometheusReporter start(MetricRegistry registry, String host, int first, int last) {
        RuntimeException failure = null;
        for (int port = first; port <= last; port++) {
            Javalin server = Javalin.create(config -> {
                config.showJavalinBanner = false;
                config.startupWatcherEnabled = false;
            });
            server.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(PrometheusText.render(registry.metrics())));
            try {
                server.start(host, port);
                LOG.info("Prometheus metrics at http://{}:{}/metrics", host, server.port());
                return new PrometheusReporter(server);
            } catch (RuntimeException e) {
                server.stop();
                failure = e;
            }
        }
        throw new IllegalArgumentException("The Prometheus endpoint could not listen on " + host + " port "
                + (first == last ? first : first + "-" + last) + " (" + failure.getMessage() + "); choose another"
                + " with " + PORT.key() + " (0 = any free port).", failure);
    }

    /** The port the endpoint listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Starts the reporter when {@code metrics.reporter.prom.factory.class} or {@code .port} is set. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public String name() {
            return "prom";
        }

        @Override
        public List<ConfigOption<?>> options() {
            return List.of(FACTORY, PORT, HOST);
        }

        @Override
        public void startIfConfigured(Configuration configuration, MetricRegistry registry) {
            boolean enabled = MetricReporterFactory.enabledByFactoryClass(configuration, FACTORY,
                    Factory.class.getName(), "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                    || configuration.contains(PORT);
            if (!enabled) {
                return;
            }
            String ports = configuration.getOptional(PORT).orElse("9249").trim();
            int[] range = parseRange(ports);
            registry.addReporter(start(registry, configuration.get(HOST), range[0], range[1]));
        }

        private static int[] parseRange(String ports) {
            String[] parts = ports.split("-", -1);
            try {
                int first = Integer.parseInt(parts[0].trim());
                int last = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first;
                if (parts.length > 2 || first < 0 || last > 65535 || last < first) {
                    throw new NumberFormatException();
                }
                return new int[] {first, last};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PORT.key() + " must be a port (0 = any free port) or a range like"
                        + " 9250-9260, got '" + ports + "'");
            }
        }
    }
}
