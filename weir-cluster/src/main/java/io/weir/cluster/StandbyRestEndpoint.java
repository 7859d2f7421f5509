package io.weir.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.weir.api.configuration.Configuration;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.LeaderRetriever;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby JobManager's REST port: it serves no API of its own, but sends every request to the
 * leader's REST API — a {@code 307 Temporary Redirect} to the same path there, which HTTP clients (and
 * {@code bin/weir list / cancel / stop / savepoint -m standby:port}) follow with the same method and
 * body — or, while no leader serving a REST API is known, answers {@code 503 Service Unavailable} with
 * a JSON error saying why (in the REST API's {@code {"errors": [...]}} shape).
 *
 * <p>It listens where the leader's REST API would ({@code rest.bind-address}, {@code rest.bind-port} or
 * {@code rest.port}), so a JobManager's REST address stays the same whether it leads or not; it is
 * closed before the JobManager takes up the leadership, freeing the port for the real API.
 *
 * <p>Threading: requests are answered on the server's thread; start and close from one thread.
 */
final class StandbyRestEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandbyRestEndpoint.class);

    private final HttpServer server;
    private final LeaderRetriever leaders;

    private StandbyRestEndpoint(HttpServer server, LeaderRetriever leaders) {
        this.server = server;
        this.leaders = leaders;
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * Listens on the configured REST port, if the configuration sets one.
     *
     * @return empty if neither {@code rest.port} nor {@code rest.bind-port} is set
     * @throws IllegalArgumentException if the port is malformed or none of its ports is free, naming it
     */
    static Optional<StandbyRestEndpoint> start(Configuration configuration, LeaderRetriever leaders) {
        String ports = configuration.getString("rest.bind-port").orElseGet(() -> configuration.getString("rest.port", null));
        if (ports == null || ports.isBlank()) {
            return Optional.empty();
        }
        String bindAddress = configuration.getString("rest.bind-address", "localhost");
        String[] range = ports.trim().split("-", -1);
        IOException last = null;
        try {
            int first = Integer.parseInt(range[0].trim());
            int end = range.length == 2 ? Integer.parseInt(range[1].trim()) : first;
            for (int port = first; port <= end; port++) {
                try {
                    HttpServer server = create(configuration, new InetSocketAddress(bindAddress, port));
                    LOG.info("Standby REST endpoint at {}: requests go to the leader's REST API", server.getAddress());
                    return Optional.of(new StandbyRestEndpoint(server, leaders));
                } catch (IOException e) {
                    last = e;
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rest.bind-port / rest.port must be a port or a range of ports"
                    + " (\"8081-8090\"), got '" + ports + "'", e);
        }
        throw new IllegalArgumentException("The standby's REST endpoint could not listen on " + bindAddress + " port "
                + ports + " (" + last.getMessage() + "); choose a free port with rest.port (0 = any free port)", last);
    }

    /**
     * An HTTP server, or an HTTPS one with the REST API's certificate when {@code security.ssl.rest.enabled}
     * is set, so clients reach a standby as they reach the leader.
     */
    private static HttpServer create(Configuration configuration, InetSocketAddress address) throws IOException {
        Optional<io.weir.runtime.security.SslSettings> tls = io.weir.runtime.security.SslSettings.restServer(configuration);
        if (tls.isEmpty()) {
            return HttpServer.create(address, 0);
        }
        com.sun.net.httpserver.HttpsServer server = com.sun.net.httpserver.HttpsServer.create(address, 0);
        javax.net.ssl.SSLParameters parameters = tls.get().sslParameters();
        server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls.get().sslContext()) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters params) {
                params.setSSLParameters(parameters);
            }
        });
        return server;
    }

    /** Where it listens. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            LeaderInfo leader = leaders.current();
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String error;
            if (leader != null && leader.restUrl() != null) {
                String location = leader.restUrl().replaceAll("/+$", "") + path;
                exchange.getResponseHeaders().set("Location", location);
                respond(exchange, 307, "This JobManager is a standby; the leading JobManager's REST API is at "
                        + leader.restUrl() + " (" + location + ")");
                return;
            }
            error = leader == null
                    ? "This JobManager is a standby, and no JobManager leads the cluster at the moment; retry once one"
                            + " was elected"
                    : "This JobManager is a standby; the leading JobManager (" + leader.rpcHostAndPort() + ") serves no"
                            + " REST API: start it with rest.port set";
            exchange.getResponseHeaders().set("Retry-After", "5");
            respond(exchange, 503, error);
        }
    }

    private static void respond(HttpExchange exchange, int status, String error) throws IOException {
        byte[] body = ("{\"errors\":[\"" + error.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
