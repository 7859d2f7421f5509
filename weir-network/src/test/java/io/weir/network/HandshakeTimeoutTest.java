package io.weir.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.execution.JobID;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.configuration.SecurityOptions;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.security.SslSettings;
import io.weir.testutils.SelfSignedKeyStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code security.ssl.internal.handshake-timeout}: a peer that opens a connection and never completes
 * the TLS handshake — here a plain socket that connects and stays silent, or a port that accepts and
 * never answers — is dropped once the timeout passed, on both planes and from both ends, instead of
 * holding the connection (and a connecting thread) for ever.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandshakeTimeoutTest {
    private static final String PASSWORD = "cluster-secret";
    private static final int TIMEOUT_MILLIS = 700;
    /** How long the silent peer waits to be dropped before the test calls it a hang. */
    private static final int HANG_MILLIS = 60_000;

    @TempDir
    static Path dir;
    private static Path cluster;

    /** The gateway the RPC test exports. */
    public interface Greeter {
        CompletableFuture<String> greet(String name);
    }

    @BeforeAll
    static void makeCertificate() throws Exception {
        cluster = SelfSignedKeyStore.create(dir.resolve("cluster.p12"), PASSWORD, "weir-cluster");
    }

    private static Configuration tlsConfiguration(String handshakeTimeout) {
        Configuration configuration = new Configuration();
        configuration.set(SecurityOptions.SSL_INTERNAL_ENABLED, true);
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE, cluster.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, PASSWORD);
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, cluster.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, PASSWORD);
        if (handshakeTimeout != null) {
            configuration.setString(SecurityOptions.SSL_INTERNAL_HANDSHAKE_TIMEOUT.key(), handshakeTimeout);
        }
        return configuration;
    }

    private static InternalTls tls() {
        return new InternalTls(SslSettings.internal(tlsConfiguration(Integer.toString(TIMEOUT_MILLIS))).orElseThrow());
    }

    @Test
    void theDefaultIsNettysTenSecondsAsInFlink() {
        assertEquals(-1, SecurityOptions.SSL_INTERNAL_HANDSHAKE_TIMEOUT.defaultValue());
        assertEquals(10_000, SslSettings.internal(tlsConfiguration(null)).orElseThrow().handshakeTimeoutMillis());
        assertEquals(2_500, SslSettings.internal(tlsConfiguration("2500")).orElseThrow().handshakeTimeoutMillis());
    }

    @Test
    void aTimeoutOfZeroOrBelowMinusOneIsRefusedNamingTheKey() {
        for (String bad : List.of("0", "-5")) {
            IllegalConfigurationException refused = assertThrows(IllegalConfigurationException.class,
                    () -> SslSettings.internal(tlsConfiguration(bad)));
            assertTrue(refused.getMessage().contains("security.ssl.internal.handshake-timeout")
                    && refused.getMessage().contains("-1 for the default"), refused.getMessage());
        }
    }

    @Test
    void theControlPlaneDropsAPeerThatNeverStartsTheHandshake() throws Exception {
        try (RpcService server = new RpcService(new InetSocketAddress("127.0.0.1", 0),
                HandshakeTimeoutTest.class.getClassLoader(), List.of(Greeter.class), tls())) {
            // (a peer that does complete the handshake is InternalTlsTest's; with a timeout this short, a real
            // handshake on a loaded machine could itself be dropped, so it is not tried here)
            assertSilentPeerIsDropped(server.address());
        }
    }

    @Test
    void theDataPlaneDropsAPeerThatNeverStartsTheHandshake() throws Exception {
        try (NetworkExchange exchange = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> null, 2, 256,
                tls())) {
            assertSilentPeerIsDropped(exchange.address());
        }
    }

    @Test
    void aControlPlaneCallToAPortThatNeverAnswersFailsAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RpcService client = new RpcService(new InetSocketAddress("127.0.0.1", 0),
                        HandshakeTimeoutTest.class.getClassLoader(), List.of(Greeter.class), tls())) {
            CompletableFuture<Socket> accepted = acceptAndStaySilent(silent);
            Exception failure = assertThrows(Exception.class, () -> client.connect(
                    new InetSocketAddress("127.0.0.1", silent.getLocalPort()), "greeter", Greeter.class)
                    .greet("weir").get(60, TimeUnit.SECONDS));
            String message = messages(failure);
            assertTrue(message.contains("TLS handshake of the control-plane connection to"), message);
            assertTimeoutNamed(message);
            accepted.get(10, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aDataChannelToAPortThatNeverAnswersFailsAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                NetworkExchange producer = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0),
                        key -> new InetSocketAddress("127.0.0.1", silent.getLocalPort()), 2, 256, tls())) {
            CompletableFuture<Socket> accepted = acceptAndStaySilent(silent);
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> producer.receiver(new ExchangeKey(JobID.generate(), 0, 1, 0), 0));
            assertTrue(failure.getMessage().contains("TLS handshake of channel 0"), failure.getMessage());
            assertTimeoutNamed(failure.getMessage());
            accepted.get(10, TimeUnit.SECONDS).close();
        }
    }

    /**
     * Connects a plain socket that sends nothing and waits for the other end to close it: the read
     * ends (end of stream or a reset) once the handshake timed out there. Never before the timeout,
     * and not after {@link #HANG_MILLIS}, which would be a hang.
     */
    private static void assertSilentPeerIsDropped(InetSocketAddress address) throws IOException {
        try (Socket silent = new Socket()) {
            silent.connect(address, 10_000);
            long connected = System.nanoTime();
            silent.setSoTimeout(HANG_MILLIS);
            InputStream in = silent.getInputStream();
            try {
                assertEquals(-1, in.read(), "the TLS port sent something to a peer that never said hello");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a peer that never started the handshake was still connected after "
                        + HANG_MILLIS + " ms; security.ssl.internal.handshake-timeout is " + TIMEOUT_MILLIS + " ms", e);
            } catch (SocketException reset) {
                // dropped with a reset: equally dropped
            }
            long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connected);
            assertTrue(heldMillis >= TIMEOUT_MILLIS - 50, "dropped after " + heldMillis + " ms, before the timeout");
        }
    }

    /**
     * The failure says the handshake timed out after the configured time and names the option: as the
     * handler reports it, or (should the handler not report in time on a busy machine) as the wait for it does.
     */
    private static void assertTimeoutNamed(String message) {
        assertTrue(message.contains("security.ssl.internal.handshake-timeout"), message);
        assertTrue(message.contains("timed out after " + TIMEOUT_MILLIS + "ms")
                || message.contains("security.ssl.internal.handshake-timeout is " + TIMEOUT_MILLIS + " ms"), message);
    }

    /** Accepts one connection on another thread and keeps it open without a word. */
    private static CompletableFuture<Socket> acceptAndStaySilent(ServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t).append(" | ");
        }
        return all.toString();
    }
}
