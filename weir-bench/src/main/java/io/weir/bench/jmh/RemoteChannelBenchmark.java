package io.weir.bench.jmh;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.JobID;
import io.weir.network.InternalTls;
import io.weir.network.NetworkExchange;
import io.weir.runtime.configuration.SecurityOptions;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.BufferPool;
import io.weir.runtime.exchange.BufferReceiver;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.InputQueue;
import io.weir.runtime.security.SslSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The data plane's remote channel, per 32 KiB buffer: two TaskManagers' {@link NetworkExchange}s in
 * one JVM on loopback, a producer pushing {@value #BUFFERS} buffers through one credit-based channel
 * ({@value #CREDITS} credits) and a consumer thread reading and recycling them. {@code tls=true} puts
 * the internal TLS of {@code security.ssl.internal.*} (default protocol and cipher suites, a
 * self-signed RSA key made by keytool) on the connection; the difference is TLS's cost per buffer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RemoteChannelBenchmark {
    static final int BUFFERS = 2_000;
    static final int BUFFER_SIZE = 32 * 1024;
    static final int CREDITS = 8;

    @Param({"false", "true"})
    public boolean tls;

    private Path keystore;
    private NetworkExchange consumerSide;
    private NetworkExchange producerSide;
    private final ExchangeKey consumer = new ExchangeKey(JobID.generate(), 0, 1, 0);
    private BufferPool pool;
    private int round;

    @Setup(Level.Trial)
    public void start() throws Exception {
        InternalTls internal = null;
        if (tls) {
            keystore = keytool();
            Configuration configuration = new Configuration();
            configuration.set(SecurityOptions.SSL_INTERNAL_ENABLED, true);
            configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE, keystore.toString());
            configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, "benchmark");
            configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, keystore.toString());
            configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, "benchmark");
            internal = new InternalTls(SslSettings.internal(configuration).orElseThrow());
        }
        consumerSide = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> null, CREDITS, BUFFER_SIZE, internal);
        InetSocketAddress remote = consumerSide.address();
        producerSide = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> remote, CREDITS, BUFFER_SIZE,
                internal);
        pool = new BufferPool(CREDITS * 2, BUFFER_SIZE);
    }

    /** Sends {@value #BUFFERS} full buffers on a new channel and waits until the consumer read them all. */
    @Benchmark
    @OperationsPerInvocation(BUFFERS)
    public long channel() throws Exception {
        ExchangeKey key = new ExchangeKey(consumer.jobId(), round++, 1, 0);
        InputQueue queue = consumerSide.inputQueue(key);
        Semaphore arrivals = new Semaphore(0);
        queue.attach(arrivals::release);
        BufferReceiver channel = producerSide.receiver(key, 0);
        Thread reader = new Thread(() -> {
            int read = 0;
            try {
                while (read < BUFFERS) {
                    Buffer buffer = queue.poll();
                    if (buffer == null) {
                        arrivals.tryAcquire(1, 60, TimeUnit.SECONDS);
                        continue;
                    }
                    read++;
                    buffer.recycle();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benchmark-consumer");
        reader.start();
        byte[] payload = new byte[BUFFER_SIZE];
        long sent = 0;
        for (int i = 0; i < BUFFERS; i++) {
            Buffer buffer = pool.request();
            buffer.data().write(payload, 0, BUFFER_SIZE);
            sent += buffer.length();
            channel.push(buffer);
        }
        channel.finish(); // the sender closes the connection once the consumer has everything
        reader.join(TimeUnit.MINUTES.toMillis(2));
        return sent;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        producerSide.close();
        consumerSide.close();
        if (keystore != null) {
            Files.deleteIfExists(keystore);
        }
    }

    private static Path keytool() throws Exception {
        Path file = Files.createTempFile("weir-bench", ".p12");
        Files.delete(file);
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "bench", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=weir-bench", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "benchmark", "-keypass", "benchmark"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make a key store");
        }
        return file;
    }
}
