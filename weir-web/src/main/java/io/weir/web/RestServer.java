package io.weir.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.security.SslSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of a cluster, with Flink's paths and JSON shapes (see docs/monitoring.md), and the
 * web dashboard at {@code /} that runs on it ({@link Dashboard}). Read
 * endpoints answer from snapshots the cluster takes on its components' threads; the actions are
 * cancelling a job ({@code PATCH /jobs/:jobid}), savepoints, and uploading and running jars
 * ({@code /jars}). Every error is JSON, {@code {"errors": [...]}},
 * with a message that says what to change: 404 for an unknown path or job, 405 for a wrong method,
 * 400 for a malformed id or parameter. With {@code security.ssl.rest.enabled} it serves HTTPS only.
 *
 * <p>Threading: handlers run on the HTTP server's threads and wait at most
 * {@link #QUERY_TIMEOUT_SECONDS} for the cluster's answer.
 */
public final class RestServer implements AutoCloseable, io.weir.runtime.minicluster.ClusterEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    static final int QUERY_TIMEOUT_SECONDS = 10;

    /** Marks a response whose error body is written, so the generic 404 page does not replace it. */
    private static final String ANSWERED = "weir.error-answered";

    private final Javalin app;
    private final String url;
    private final JarStore jars;

    private RestServer(Javalin app, String url, JarStore jars) {
        this.app = app;
        this.url = url;
        this.jars = jars;
    }

    /**
     * Starts serving {@code cluster} on the configured address and port (a range is tried in order).
     *
     * @throws IllegalArgumentException if the port setting is malformed or no port in it is free
     */
    public static RestServer start(MiniCluster cluster, Configuration configuration) {
        String bindAddress = configuration.get(WebOptions.BIND_ADDRESS);
        int[] ports = ports(configuration);
        RuntimeException last = null;
        SslSettings tls = SslSettings.restServer(configuration).orElse(null); // a bad key store stops here
        JarStore jars = JarStore.open(configuration);
        for (int port = ports[0]; port <= ports[1]; port++) {
            Javalin app = create(cluster, configuration, jars);
            try {
                if (tls == null) {
                    app.start(bindAddress, port);
                } else {
                    int chosen = port;
                    app.unsafeConfig().jetty.addConnector((server, http) -> httpsConnector(server, http, tls,
                            bindAddress, chosen));
                    app.start();
                }
                String url = (tls == null ? "http://" : "https://") + configuration.get(WebOptions.ADDRESS) + ":"
                        + app.port();
                LOG.info("REST API of the cluster at {}", url);
                return new RestServer(app, url, jars);
            } catch (RuntimeException e) {
                app.stop();
                last = e;
            }
        }
        jars.close();
        throw new IllegalArgumentException("The REST server could not listen on " + bindAddress + " port "
                + (ports[0] == ports[1] ? ports[0] : ports[0] + "-" + ports[1]) + " (" + last.getMessage()
                + "); choose a free port with rest.port (0 = any free port).", last);
    }

    /**
     * The only connector of a server with {@code security.ssl.rest.enabled}: HTTPS with the REST key
     * store's certificate, requiring a client certificate with {@code security.ssl.rest.authentication-enabled}.
     * A plain HTTP request fails the handshake and is refused.
     */
    private static org.eclipse.jetty.server.Connector httpsConnector(org.eclipse.jetty.server.Server server,
            org.eclipse.jetty.server.HttpConfiguration http, SslSettings tls, String host, int port) {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        ssl.setSslContext(tls.sslContext());
        ssl.setIncludeProtocols(tls.protocol());
        ssl.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
        ssl.setNeedClientAuth(tls.mutualAuthentication());
        org.eclipse.jetty.server.HttpConfiguration https = new org.eclipse.jetty.server.HttpConfiguration(http);
        // clients may name the server by an address the certificate does not hold; they check the certificate
        https.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
        org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server,
                new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The first and last port to try. */
    private static int[] ports(Configuration configuration) {
        String bind = configuration.getOptional(WebOptions.BIND_PORT).orElse(null);
        if (bind == null) {
            int port = configuration.get(WebOptions.PORT);
            checkPort(WebOptions.PORT.key(), port);
            return new int[] {port, port};
        }
        String[] range = bind.trim().split("-", -1);
        try {
            int first = Integer.parseInt(range[0].trim());
            int last = range.length == 2 ? Integer.parseInt(range[1].trim()) : first;
            if (range.length > 2 || last < first) {
                throw new NumberFormatException(bind);
            }
            checkPort(WebOptions.BIND_PORT.key(), first);
            checkPort(WebOptions.BIND_PORT.key(), last);
            return new int[] {first, last};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(WebOptions.BIND_PORT.key() + " must be a port or a range like 8081-8090,"
                    + " got '" + bind + "'");
        }
    }

    private static void checkPort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(key + " must be between 0 and 65535 (0 = any free port), got " + port);
        }
    }

    private static Javalin create(MiniCluster cluster, Configuration configuration, JarStore jars) {
        long maxContentLength = configuration.get(WebOptions.MAX_CONTENT_LENGTH);
        OpenApiDocument openApi = new OpenApiDocument();
        AccessControl access = new AccessControl(configuration);
        Javalin app = Javalin.create(config -> {
            openApi.listen(config);
            access.configure(config);
            config.jetty.multipartConfig.maxFileSize(maxContentLength, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxContentLength, SizeUnit.BYTES);
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            Dashboard.serve(config);
        });
        access.register(app);
        ClusterEndpoints clusterEndpoints = new ClusterEndpoints(cluster, configuration);
        clusterEndpoints.register(app);
        // the embedded cluster's task managers run in this JVM: they share its log files
        LogFiles logs = LogFiles.of(configuration);
        new LogEndpoints(logs, id -> {
            clusterEndpoints.knownTaskManager(id);
            return logs;
        }).register(app);
        new JobEndpoints(cluster).register(app);
        new JarEndpoints(cluster, configuration, jars).register(app);
        app.get(OpenApiDocument.PATH, ctx -> ctx.json(openApi.json(WeirWebVersion.get())));
        new SavepointEndpoints(cluster).register(app);
        app.exception(RestError.class, (e, ctx) -> errors(ctx, e.status(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("REST request {} {} failed", ctx.method(), ctx.path(), e);
            errors(ctx, 500, "Internal server error: " + e + ". The server log has the details.");
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                errors(ctx, 404, "Not found: " + ctx.path() + ". See docs/monitoring.md for the REST paths.");
            }
        });
        app.error(405, ctx -> errors(ctx, 405, "Method " + ctx.method() + " is not allowed on " + ctx.path()
                + (ctx.method() == HandlerType.GET ? "" : "; use GET to read it")
                + (ctx.path().matches("/jobs/[^/]+") ? " or PATCH to cancel the job" : "") + "."));
        return app;
    }

    private static void errors(Context ctx, int status, String message) {
        ctx.attribute(ANSWERED, true);
        ctx.status(status).json(Map.of("errors", List.of(message)));
    }

    /** Waits for the cluster's answer to a query. */
    static <T> T await(CompletableFuture<T> query) {
        try {
            return query.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestError(503, "The server is shutting down.");
        } catch (TimeoutException e) {
            throw new RestError(503, "The cluster did not answer within " + QUERY_TIMEOUT_SECONDS + " s; retry.");
        } catch (ExecutionException e) {
            throw new IllegalStateException("The cluster failed to answer", e.getCause());
        }
    }

    /** Every route the server has, as {@code GET /jobs/{jobid}}, read from its router. */
    List<String> routes() {
        List<String> routes = new java.util.ArrayList<>();
        for (var parsed : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            var endpoint = parsed.getEndpoint();
            HandlerType method = endpoint.getMethod();
            if (method.isHttpMethod() && method != HandlerType.HEAD && method != HandlerType.OPTIONS) {
                routes.add(method.name() + " " + endpoint.getPath());
            }
        }
        return routes;
    }

    /** The server's base URL, such as {@code http://localhost:8081}. */
    @Override
    public String url() {
        return url;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        jars.close();
    }
}
