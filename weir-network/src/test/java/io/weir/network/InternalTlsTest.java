package io.weir.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.JobID;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.configuration.SecurityOptions;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.BufferPool;
import io.weir.runtime.exchange.BufferReceiver;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.InputQueue;
import io.weir.runtime.security.SslSettings;
import io.weir.testutils.SelfSignedKeyStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both planes over TLS with mutual authentication, in one JVM on loopback: the control plane
 * ({@link RpcService}) and the data plane ({@link NetworkExchange}) work between two ends that
 * present the cluster's certificate, and refuse a peer without TLS, a TLS peer when they have none,
 * and a peer whose certificate they do not trust. The certificates are made by the JDK's keytool.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InternalTlsTest {
    private static final String PASSWORD = "cluster-secret";

    @TempDir
    static Path dir;
    /** The cluster's key store, also its trust store. */
    private static Path cluster;
    /** A certificate of someone else, which the cluster does not trust. */
    private static Path stranger;

    /** The gateway the tests call. */
    public interface Greeter {
        CompletableFuture<String> greet(String name);
    }

    @BeforeAll
    static void makeCertificates() throws Exception {
        cluster = SelfSignedKeyStore.create(dir.resolve("cluster.p12"), PASSWORD, "weir-cluster");
        stranger = SelfSignedKeyStore.create(dir.resolve("stranger.p12"), PASSWORD, "stranger");
    }

    /** TLS settings presenting {@code keystore}'s certificate and trusting {@code truststore}'s. */
    private static InternalTls tls(Path keystore, Path truststore) {
        Configuration configuration = new Configuration();
        configuration.set(SecurityOptions.SSL_INTERNAL_ENABLED, true);
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE, keystore.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, PASSWORD);
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, truststore.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, PASSWORD);
        return new InternalTls(SslSettings.internal(configuration).orElseThrow());
    }

    private static RpcService rpc(InternalTls tls) {
        return new RpcService(new InetSocketAddress("127.0.0.1", 0), InternalTlsTest.class.getClassLoader(),
                List.of(Greeter.class), tls);
    }

    /** Starts a server exporting a greeter, and calls it from a client; returns the answer or the failure. */
    private static String greet(InternalTls serverTls, InternalTls clientTls) throws Exception {
        try (RpcService server = rpc(serverTls); RpcService client = rpc(clientTls)) {
            server.export("greeter", (Greeter) name -> CompletableFuture.completedFuture("hello " + name));
            Greeter greeter = client.connect(server.address(), "greeter", Greeter.class);
            return greeter.greet("weir").get(60, TimeUnit.SECONDS);
        }
    }

    private static Throwable greetingFailure(InternalTls serverTls, InternalTls clientTls) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> greet(serverTls, clientTls));
        return failed.getCause();
    }

    @Test
    void callsTravelOverMutuallyAuthenticatedTls() throws Exception {
        assertEquals("hello weir", greet(tls(cluster, cluster), tls(cluster, cluster)));
    }

    @Test
    void aTlsServerRefusesAPlaintextCaller() {
        Throwable failure = greetingFailure(tls(cluster, cluster), null);
        assertTrue(failure.getMessage().contains("Lost the connection"), failure.getMessage());
    }

    @Test
    void aTlsCallerRefusesAPlaintextServer() {
        Throwable failure = greetingFailure(null, tls(cluster, cluster));
        assertTrue(failure.getMessage().contains("TLS handshake of the control-plane connection to"), failure.getMessage());
        assertTrue(failure.getMessage().contains("security.ssl.internal.enabled"), failure.getMessage());
    }

    @Test
    void aCallerWithAnUntrustedCertificateIsRefused() {
        // the stranger trusts the cluster, but the cluster does not trust the stranger
        Throwable failure = greetingFailure(tls(cluster, cluster), tls(stranger, cluster));
        assertTrue(failure.getMessage().contains("TLS handshake"), failure.getMessage());
        assertTrue(failure.getMessage().contains("certificate"), failure.getMessage());
    }

    @Test
    void aServerWithAnUntrustedCertificateIsRefused() {
        Throwable failure = greetingFailure(tls(stranger, stranger), tls(cluster, cluster));
        assertTrue(failure.getMessage().contains("TLS handshake"), failure.getMessage());
    }

    private final ExchangeKey consumer = new ExchangeKey(JobID.generate(), 0, 1, 0);

    @Test
    void buffersTravelOverTlsInOrder() throws Exception {
        try (NetworkExchange consumerSide = exchange(tls(cluster, cluster), null);
                NetworkExchange producerSide = exchange(tls(cluster, cluster), consumerSide.address())) {
            InputQueue queue = consumerSide.inputQueue(consumer);
            Semaphore arrivals = new Semaphore(0);
            queue.attach(arrivals::release);
            BufferPool pool = new BufferPool(4, 256);
            BufferReceiver channel = producerSide.receiver(consumer, 0);
            int buffers = 200;
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < buffers; i++) {
                        Buffer buffer = pool.request();
                        buffer.data().writeInt(i);
                        channel.push(buffer);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < buffers; i++) {
                Buffer buffer;
                while ((buffer = queue.poll()) == null) {
                    assertTrue(arrivals.tryAcquire(1, 30, TimeUnit.SECONDS), "buffers keep coming");
                }
                assertEquals(i, java.nio.ByteBuffer.wrap(buffer.bytes(), 0, buffer.length()).getInt());
                buffer.recycle();
            }
            producing.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTlsDataPortRefusesAPlaintextProducer() throws Exception {
        try (NetworkExchange consumerSide = exchange(tls(cluster, cluster), null);
                NetworkExchange producerSide = exchange(null, consumerSide.address())) {
            BufferPool pool = new BufferPool(4, 256);
            BufferReceiver channel = producerSide.receiver(consumer, 0);
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
                while (true) { // the refusal closes the connection; the pushes fail from then on
                    channel.push(pool.request());
                }
            });
            assertTrue(failure.getMessage().contains("Lost the connection of channel 0"), failure.getMessage());
        }
    }

    @Test
    void aTlsProducerRefusesAPlaintextDataPortOrAnUntrustedOne() {
        try (NetworkExchange plaintext = exchange(null, null);
                NetworkExchange stranger = exchange(tls(InternalTlsTest.stranger, InternalTlsTest.stranger), null);
                NetworkExchange toPlaintext = exchange(tls(cluster, cluster), plaintext.address());
                NetworkExchange toStranger = exchange(tls(cluster, cluster), stranger.address())) {
            IllegalStateException noTls = assertThrows(IllegalStateException.class, () -> toPlaintext.receiver(consumer, 0));
            assertTrue(noTls.getMessage().contains("TLS handshake of channel 0"), noTls.getMessage());
            IllegalStateException untrusted = assertThrows(IllegalStateException.class, () -> toStranger.receiver(consumer, 0));
            assertTrue(untrusted.getMessage().contains("TLS handshake of channel 0"), untrusted.getMessage());
        }
    }

    /** A data plane whose consumers all run at {@code remote} ({@code null}: here). */
    private static NetworkExchange exchange(InternalTls tls, InetSocketAddress remote) {
        return new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> remote, 2, 256, tls);
    }
}
