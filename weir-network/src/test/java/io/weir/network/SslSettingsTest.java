package io.weir.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.runtime.configuration.SecurityOptions;
import io.weir.runtime.security.SslSettings;
import io.weir.testutils.SelfSignedKeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is wrong with TLS settings is said at start-up, naming the option and the file (the
 * {@link SslSettings} of weir-runtime is tested here, where the test key stores are made).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SslSettingsTest {
    private static final String PASSWORD = "cluster-secret";

    @TempDir
    static Path dir;
    private static Path keystore;

    @BeforeAll
    static void makeKeyStore() throws Exception {
        keystore = SelfSignedKeyStore.create(dir.resolve("cluster.p12"), PASSWORD, "weir-cluster");
    }

    private static Configuration internal(Path keystorePath, String keystorePassword) {
        Configuration configuration = new Configuration();
        configuration.set(SecurityOptions.SSL_INTERNAL_ENABLED, true);
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE, keystorePath.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, keystorePassword);
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, keystore.toString());
        configuration.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, PASSWORD);
        return configuration;
    }

    private static String failure(Configuration configuration) {
        return assertThrows(IllegalConfigurationException.class, () -> SslSettings.internal(configuration)).getMessage();
    }

    @Test
    void offUnlessEnabled() {
        assertFalse(SslSettings.internal(new Configuration()).isPresent());
        assertFalse(SslSettings.restServer(new Configuration()).isPresent());
        assertFalse(SslSettings.restClient(new Configuration()).isPresent());
    }

    @Test
    void aMissingKeyStoreIsNamedWithItsOption() {
        Path missing = dir.resolve("nowhere.p12");
        String message = failure(internal(missing, PASSWORD));
        assertTrue(message.contains("security.ssl.internal.keystore"), message);
        assertTrue(message.contains(missing.toString()), message);
        assertTrue(message.contains("does not exist"), message);
    }

    @Test
    void aWrongKeyStorePasswordIsNamed() {
        String message = failure(internal(keystore, "wrong"));
        assertTrue(message.contains("wrong security.ssl.internal.keystore-password"), message);
        assertTrue(message.contains(keystore.toString()), message);
    }

    @Test
    void aWrongKeyPasswordIsNamed() {
        Configuration configuration = internal(keystore, PASSWORD);
        configuration.set(SecurityOptions.SSL_INTERNAL_KEY_PASSWORD, "wrong");
        String message = failure(configuration);
        assertTrue(message.contains("wrong security.ssl.internal.key-password"), message);
        assertTrue(message.contains(keystore.toString()), message);
    }

    @Test
    void aFileThatIsNoKeyStoreIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a key store");
        String message = failure(internal(text, PASSWORD));
        assertTrue(message.contains(text.toString()) && message.contains("security.ssl.internal.keystore"), message);
    }

    @Test
    void aMissingSettingIsNamedWithWhyItIsNeeded() {
        Configuration configuration = new Configuration();
        configuration.set(SecurityOptions.SSL_INTERNAL_ENABLED, true);
        String message = failure(configuration);
        // the file first: without it its password means nothing
        assertTrue(message.contains("security.ssl.internal.keystore must be set because"
                + " security.ssl.internal.enabled is true"), message);
    }

    @Test
    void anUnknownProtocolOrCipherSuiteIsNamed() {
        Configuration protocol = internal(keystore, PASSWORD);
        protocol.set(SecurityOptions.SSL_PROTOCOL, "TLSv9");
        assertTrue(failure(protocol).contains("security.ssl.protocol 'TLSv9'"), failure(protocol));
        Configuration suites = internal(keystore, PASSWORD);
        suites.set(SecurityOptions.SSL_ALGORITHMS, "TLS_MADE_UP");
        assertTrue(failure(suites).contains("security.ssl.algorithms: 'TLS_MADE_UP'"), failure(suites));
    }

    @Test
    void restServerNeedsAKeyStoreAndRestClientTrustsTheJdkDefaultsWithoutATrustStore() {
        Configuration configuration = new Configuration();
        configuration.set(SecurityOptions.SSL_REST_ENABLED, true);
        String message = assertThrows(IllegalConfigurationException.class,
                () -> SslSettings.restServer(configuration)).getMessage();
        assertTrue(message.contains("security.ssl.rest.keystore must be set"), message);
        SslSettings client = SslSettings.restClient(configuration).orElseThrow();
        assertTrue(client.keyManagers() == null && client.trustManagers() == null);
        client.sslContext();
    }
}
