package io.weir.connector.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Moquette MQTT broker in this JVM on loopback, started once per test class. Sessions live in
 * memory; {@link #persistent()} keeps them in a temporary directory instead, so that {@link #restart()}
 * keeps sessions, subscriptions and queued messages like a production broker (the restart test has a
 * broker of its own, so a restart never disturbs other tests). Moquette cannot bind port 0, so the
 * port is one the OS just handed out and released; the broker keeps it across restarts.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MqttBroker BROKER = new MqttBroker();
 * }</pre>
 */
public final class MqttBroker implements BeforeAllCallback, AfterAllCallback {
    private final boolean persistent;
    private Server server;
    private int port;
    private Path dataDir;

    public MqttBroker() {
        this(false);
    }

    private MqttBroker(boolean persistent) {
        this.persistent = persistent;
    }

    /** A broker that stores its sessions and messages on disk, so they survive {@link #restart()}. */
    public static MqttBroker persistent() {
        return new MqttBroker(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("moquette");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void start() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", Boolean.toString(persistent));
        properties.setProperty("data_path", dataDir.toString());
        server = new Server();
        server.startServer(new MemoryConfig(properties));
    }

    private void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    /** Stops the broker and starts it again on the same port with the same stored state. */
    public void restart() {
        stop();
        try {
            start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a client with this id is connected now. */
    public boolean isConnected(String clientId) {
        return server != null && server.listConnectedClients().stream()
                .anyMatch(client -> client.getClientID().equals(clientId));
    }

    public String serverUri() {
        return "tcp://127.0.0.1:" + port;
    }
}
