package io.weir.runtime.security;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.ReadableConfig;
import io.weir.runtime.configuration.SecurityOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS settings of one side of one kind of connection ({@code security.ssl.*}), with its key
 * stores read and checked. Everything that can be wrong with them — a missing or unreadable file, a
 * wrong password, a protocol or cipher suite the JDK lacks — fails here, when the process starts,
 * with an {@link IllegalConfigurationException} naming the option and the file.
 *
 * <p>Internal connections ({@link #internal}) are mutually authenticated: both ends present the
 * cluster's certificate and trust only it. The REST API ({@link #restServer}, {@link #restClient})
 * authenticates the server, and the client too with {@code security.ssl.rest.authentication-enabled}.
 *
 * <p>Threading: immutable once built; safe for use from any thread.
 */
public final class SslSettings {
    private final KeyManagerFactory keyManagers;
    private final TrustManagerFactory trustManagers;
    private final String protocol;
    private final List<String> cipherSuites;
    private final boolean mutualAuthentication;
    private final String truststore;
    private final int handshakeTimeoutMillis;

    private SslSettings(KeyManagerFactory keyManagers, TrustManagerFactory trustManagers, String protocol,
            List<String> cipherSuites, boolean mutualAuthentication, String truststore, int handshakeTimeoutMillis) {
        this.keyManagers = keyManagers;
        this.trustManagers = trustManagers;
        this.protocol = protocol;
        this.cipherSuites = cipherSuites;
        this.mutualAuthentication = mutualAuthentication;
        this.truststore = truststore;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /**
     * The settings of the connections between a cluster's processes, for both ends, or empty when
     * {@code security.ssl.internal.enabled} is off.
     *
     * @throws IllegalConfigurationException if a key store is missing, unreadable or its password wrong
     */
    public static Optional<SslSettings> internal(ReadableConfig configuration) {
        if (!configuration.get(SecurityOptions.SSL_INTERNAL_ENABLED)) {
            return Optional.empty();
        }
        String enabled = SecurityOptions.SSL_INTERNAL_ENABLED.key() + " is true";
        return Optional.of(new SslSettings(
                keyManagers(configuration, SecurityOptions.SSL_INTERNAL_KEYSTORE,
                        SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, SecurityOptions.SSL_INTERNAL_KEY_PASSWORD, enabled),
                trustManagers(configuration, SecurityOptions.SSL_INTERNAL_TRUSTSTORE,
                        SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, enabled),
                protocol(configuration), cipherSuites(configuration), true,
                configuration.get(SecurityOptions.SSL_INTERNAL_TRUSTSTORE), handshakeTimeoutMillis(configuration)));
    }

    /**
     * The REST server's settings, or empty when {@code security.ssl.rest.enabled} is off.
     *
     * @throws IllegalConfigurationException if a key store is missing, unreadable or its password wrong
     */
    public static Optional<SslSettings> restServer(ReadableConfig configuration) {
        if (!configuration.get(SecurityOptions.SSL_REST_ENABLED)) {
            return Optional.empty();
        }
        boolean mutual = configuration.get(SecurityOptions.SSL_REST_AUTHENTICATION_ENABLED);
        String enabled = SecurityOptions.SSL_REST_ENABLED.key() + " is true";
        return Optional.of(new SslSettings(
                keyManagers(configuration, SecurityOptions.SSL_REST_KEYSTORE, SecurityOptions.SSL_REST_KEYSTORE_PASSWORD,
                        SecurityOptions.SSL_REST_KEY_PASSWORD, enabled),
                mutual ? trustManagers(configuration, SecurityOptions.SSL_REST_TRUSTSTORE,
                        SecurityOptions.SSL_REST_TRUSTSTORE_PASSWORD, SecurityOptions.SSL_REST_AUTHENTICATION_ENABLED.key()
                                + " is true") : null,
                protocol(configuration), cipherSuites(configuration), mutual,
                configuration.get(SecurityOptions.SSL_REST_TRUSTSTORE), SecurityOptions.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS));
    }

    /**
     * A REST client's settings (bin/weir list and the other commands that talk to a JobManager), or
     * empty when {@code security.ssl.rest.enabled} is off. Without {@code security.ssl.rest.truststore}
     * the client trusts the JDK's default certificate authorities.
     *
     * @throws IllegalConfigurationException if a key store is missing, unreadable or its password wrong
     */
    public static Optional<SslSettings> restClient(ReadableConfig configuration) {
        if (!configuration.get(SecurityOptions.SSL_REST_ENABLED)) {
            return Optional.empty();
        }
        boolean mutual = configuration.get(SecurityOptions.SSL_REST_AUTHENTICATION_ENABLED);
        boolean ownTrust = configuration.getOptional(SecurityOptions.SSL_REST_TRUSTSTORE).isPresent();
        return Optional.of(new SslSettings(
                mutual ? keyManagers(configuration, SecurityOptions.SSL_REST_KEYSTORE,
                        SecurityOptions.SSL_REST_KEYSTORE_PASSWORD, SecurityOptions.SSL_REST_KEY_PASSWORD,
                        SecurityOptions.SSL_REST_AUTHENTICATION_ENABLED.key() + " is true") : null,
                ownTrust ? trustManagers(configuration, SecurityOptions.SSL_REST_TRUSTSTORE,
                        SecurityOptions.SSL_REST_TRUSTSTORE_PASSWORD, "it is set") : null,
                protocol(configuration), cipherSuites(configuration), mutual,
                ownTrust ? configuration.get(SecurityOptions.SSL_REST_TRUSTSTORE) : "the JDK's default trust store",
                SecurityOptions.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS));
    }

    /** This side's key and certificate, or {@code null} when it presents none (a REST client without mutual TLS). */
    public KeyManagerFactory keyManagers() {
        return keyManagers;
    }

    /** The certificates this side trusts, or {@code null} for the JDK's defaults (or, on a REST server without mutual TLS, none needed). */
    public TrustManagerFactory trustManagers() {
        return trustManagers;
    }

    /** The one protocol version every connection uses ({@code security.ssl.protocol}). */
    public String protocol() {
        return protocol;
    }

    /** The cipher suites every connection may use ({@code security.ssl.algorithms}). */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** Whether the server side requires a certificate of its clients. */
    public boolean mutualAuthentication() {
        return mutualAuthentication;
    }

    /** The trust store file, for messages that say why a peer was refused. */
    public String truststore() {
        return truststore;
    }

    /**
     * How long a handshake may take, in ms: {@code security.ssl.internal.handshake-timeout} for internal
     * connections (its {@code -1} read as the default); REST settings carry the default, unused.
     */
    public int handshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    /** A JDK context with these key and trust managers (for the REST server and clients). */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance(protocol);
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(),
                    trustManagers == null ? null : trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalConfigurationException("Cannot set up TLS with " + SecurityOptions.SSL_PROTOCOL.key()
                    + " '" + protocol + "': " + e.getMessage(), e);
        }
    }

    /** The protocol and cipher suites, as JDK parameters (client auth is the server's to add). */
    public SSLParameters sslParameters() {
        SSLParameters parameters = new SSLParameters(cipherSuites.toArray(String[]::new), new String[] {protocol});
        parameters.setNeedClientAuth(mutualAuthentication);
        return parameters;
    }

    private static KeyManagerFactory keyManagers(ReadableConfig configuration, ConfigOption<String> file,
            ConfigOption<String> storePassword, ConfigOption<String> keyPassword, String why) {
        String path = required(configuration, file, why);
        String password = required(configuration, storePassword, why);
        KeyStore store = load(path, file, password, storePassword);
        String keyPass = configuration.getOptional(keyPassword).orElse(password);
        try {
            if (!hasKey(store)) {
                throw new IllegalConfigurationException(file.key() + ": " + configuration.get(file) + " holds no private"
                        + " key. Make one with keytool -genkeypair (see docs/cluster.md, TLS).");
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, keyPass.toCharArray());
            return factory;
        } catch (UnrecoverableKeyException e) {
            throw new IllegalConfigurationException("Cannot read the private key in " + configuration.get(file) + " ("
                    + file.key() + "): wrong " + (configuration.getOptional(keyPassword).isPresent() ? keyPassword.key()
                    : keyPassword.key() + " (unset, so the key store's password was tried)") + ".", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalConfigurationException("Cannot use the key store " + configuration.get(file) + " ("
                    + file.key() + "): " + e.getMessage(), e);
        }
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private static TrustManagerFactory trustManagers(ReadableConfig configuration, ConfigOption<String> file,
            ConfigOption<String> password, String why) {
        String path = required(configuration, file, why);
        KeyStore store = load(path, file, required(configuration, password, why), password);
        try {
            if (store.size() == 0) {
                throw new IllegalConfigurationException(file.key() + ": " + configuration.get(file) + " holds no"
                        + " certificate, so no peer could be trusted.");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalConfigurationException("Cannot use the trust store " + configuration.get(file) + " ("
                    + file.key() + "): " + e.getMessage(), e);
        }
    }

    private static String required(ReadableConfig configuration, ConfigOption<String> option, String why) {
        return configuration.getOptional(option).orElseThrow(() -> new IllegalConfigurationException(
                option.key() + " must be set because " + why + "."));
    }

    /** Reads a PKCS12 or JKS file (the JDK tells which from its content). */
    private static KeyStore load(String file, ConfigOption<String> option, String password,
            ConfigOption<String> passwordOption) {
        Path path = Path.of(file);
        try {
            if (!Files.isReadable(path)) {
                throw new NoSuchFileException(file);
            }
            return KeyStore.getInstance(path.toFile(), password.toCharArray());
        } catch (NoSuchFileException e) {
            throw new IllegalConfigurationException(option.key() + ": the file " + path.toAbsolutePath() + " does not"
                    + " exist or cannot be read by this process.", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IllegalConfigurationException("Cannot open " + path.toAbsolutePath() + " (" + option.key()
                        + "): wrong " + passwordOption.key() + ".", e);
            }
            throw new IllegalConfigurationException("Cannot read " + path.toAbsolutePath() + " (" + option.key()
                    + ") as a PKCS12 or JKS key store: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalConfigurationException("Cannot read " + path.toAbsolutePath() + " (" + option.key()
                    + ") as a PKCS12 or JKS key store: " + e.getMessage(), e);
        }
    }

    private static int handshakeTimeoutMillis(ReadableConfig configuration) {
        int millis = configuration.get(SecurityOptions.SSL_INTERNAL_HANDSHAKE_TIMEOUT);
        return millis == -1 ? SecurityOptions.DEFAULT_HANDSHAKE_TIMEOUT_MILLIS : millis;
    }

    private static String protocol(ReadableConfig configuration) {
        String protocol = configuration.get(SecurityOptions.SSL_PROTOCOL).trim();
        List<String> supported = Arrays.asList(defaultContext().getSupportedSSLParameters().getProtocols());
        if (!supported.contains(protocol)) {
            throw new IllegalConfigurationException(SecurityOptions.SSL_PROTOCOL.key() + " '" + protocol
                    + "' is not a protocol this JDK supports; choose one of " + supported + ".");
        }
        return protocol;
    }

    private static List<String> cipherSuites(ReadableConfig configuration) {
        List<String> suites = Arrays.stream(configuration.get(SecurityOptions.SSL_ALGORITHMS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<String> supported = Arrays.asList(defaultContext().getSupportedSSLParameters().getCipherSuites());
        for (String suite : suites) {
            if (!supported.contains(suite)) {
                throw new IllegalConfigurationException(SecurityOptions.SSL_ALGORITHMS.key() + ": '" + suite + "' is not"
                        + " a cipher suite this JDK supports (use the JDK's standard names, comma-separated).");
            }
        }
        if (suites.isEmpty()) {
            throw new IllegalConfigurationException(SecurityOptions.SSL_ALGORITHMS.key() + " names no cipher suite.");
        }
        return suites;
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no TLS: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return protocol + (mutualAuthentication ? ", mutual authentication" : "") + ", trusting " + truststore;
    }
}
