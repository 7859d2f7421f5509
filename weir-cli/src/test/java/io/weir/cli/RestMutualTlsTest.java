package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.runtime.configuration.SecurityOptions;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.testutils.SelfSignedKeyStore;
import io.weir.web.RestServer;
import io.weir.web.WebOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Mutual TLS on the REST API ({@code security.ssl.rest.authentication-enabled}, Flink's key): the
 * server requires a client certificate its {@code security.ssl.rest.truststore} holds. A real HTTPS
 * client (the JDK's) that trusts the server but presents no certificate, or a certificate the server
 * does not trust, is refused in the handshake; with the cluster's certificate it is served. The CLI
 * ({@code weir list}) presents the certificate of {@code security.ssl.rest.keystore} from its
 * {@code config.yaml}, and without one says which settings it needs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RestMutualTlsTest {
    private static final String PASSWORD = "rest-secret";

    @TempDir
    static Path dir;
    /** The server's key and certificate, which clients trust and which the server trusts for clients. */
    private static Path cluster;
    /** Someone else's certificate. */
    private static Path stranger;
    private static MiniCluster miniCluster;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        cluster = SelfSignedKeyStore.create(dir.resolve("cluster.p12"), PASSWORD, "weir-cluster");
        stranger = SelfSignedKeyStore.create(dir.resolve("stranger.p12"), PASSWORD, "stranger");
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        restSettings(true, true).forEach(config::setString);
        miniCluster = new MiniCluster(1, 1, Clock.systemUTC(), config).start();
        port = miniCluster.service(RestServer.class).orElseThrow().port();
    }

    @AfterAll
    static void stopServer() {
        if (miniCluster != null) {
            miniCluster.close();
        }
    }

    /** The {@code security.ssl.rest.*} settings, with or without the key store and client authentication. */
    private static Map<String, String> restSettings(boolean withKeystore, boolean authentication) {
        return restSettings(withKeystore ? cluster : null, authentication);
    }

    private static Map<String, String> restSettings(Path keystore, boolean authentication) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(SecurityOptions.SSL_REST_ENABLED.key(), "true");
        settings.put(SecurityOptions.SSL_REST_TRUSTSTORE.key(), cluster.toString());
        settings.put(SecurityOptions.SSL_REST_TRUSTSTORE_PASSWORD.key(), PASSWORD);
        if (keystore != null) {
            settings.put(SecurityOptions.SSL_REST_KEYSTORE.key(), keystore.toString());
            settings.put(SecurityOptions.SSL_REST_KEYSTORE_PASSWORD.key(), PASSWORD);
        }
        settings.put(SecurityOptions.SSL_REST_AUTHENTICATION_ENABLED.key(), Boolean.toString(authentication));
        return settings;
    }

    /** The JDK's HTTPS client, trusting the cluster's certificate and presenting {@code keystore}'s ({@code null}: none). */
    private static HttpClient https(Path keystore) throws Exception {
        KeyStore trusted = KeyStore.getInstance(cluster.toFile(), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (keystore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(KeyStore.getInstance(keystore.toFile(), PASSWORD.toCharArray()), PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).sslParameters(new SSLParameters(null, new String[] {"TLSv1.2"}))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> overview(HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/overview"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientWithoutACertificateIsRefused() {
        assertThrows(IOException.class, () -> overview(https(null)));
    }

    @Test
    void aClientWithACertificateTheServerDoesNotTrustIsRefused() {
        assertThrows(IOException.class, () -> overview(https(stranger)));
    }

    @Test
    void aClientWithTheClustersCertificateIsServed() throws Exception {
        HttpResponse<String> response = overview(https(cluster));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"taskmanagers\""), response.body());
    }

    @Test
    void theCliPresentsTheCertificateOfItsConfiguredKeyStore() throws Exception {
        Result list = weir(restSettings(true, true), "list", "-m", "localhost:" + port);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("No running jobs") || list.out().contains("jobs"), list.out());
    }

    @Test
    void theCliWithAuthenticationButNoKeyStoreNamesTheMissingSetting() throws Exception {
        Result list = weir(restSettings(false, true), "list", "-m", "localhost:" + port);
        assertEquals(2, list.exitCode(), list.out());
        assertTrue(list.err().contains("security.ssl.rest.keystore must be set because"
                + " security.ssl.rest.authentication-enabled is true"), list.err());
    }

    @Test
    void theCliWithoutAClientCertificateIsRefusedAndToldWhatToSet() throws Exception {
        Result list = weir(restSettings(false, false), "list", "-m", "localhost:" + port);
        assertEquals(2, list.exitCode(), list.out());
        // the server's alert may or may not arrive before it closes the connection; the hint comes either way
        assertTrue(list.err().contains("set security.ssl.rest.authentication-enabled: true and"
                + " security.ssl.rest.keystore"), list.err());
    }

    @Test
    void theCliWithACertificateTheServerDoesNotTrustIsRefusedAndToldSo() throws Exception {
        Result list = weir(restSettings(stranger, true), "list", "-m", "localhost:" + port);
        assertEquals(2, list.exitCode(), list.out());
        assertTrue(list.err().contains("the JobManager's security.ssl.rest.truststore must trust the certificate of"
                + " security.ssl.rest.keystore in this client's config.yaml"), list.err());
    }

    private record Result(int exitCode, String out, String err) {}

    /** {@code weir <args>} with a config.yaml holding {@code settings}. */
    private static Result weir(Map<String, String> settings, String... args) throws IOException {
        Path conf = Files.createTempDirectory(dir, "conf");
        StringBuilder yaml = new StringBuilder();
        settings.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WeirCli.commandLine(conf);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
