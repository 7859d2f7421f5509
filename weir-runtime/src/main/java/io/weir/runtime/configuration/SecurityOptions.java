package io.weir.runtime.configuration;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;

/**
 * TLS settings, with Flink's keys: {@code security.ssl.internal.*} for the connections between a
 * cluster's processes (control plane and data plane, always mutually authenticated) and
 * {@code security.ssl.rest.*} for the REST API and its clients. {@link io.weir.runtime.security.SslSettings}
 * reads them and loads the key stores.
 */
public final class SecurityOptions {
    private SecurityOptions() {}

    public static final ConfigOption<Boolean> SSL_INTERNAL_ENABLED = ConfigOptions.key("security.ssl.internal.enabled")
            .booleanType().defaultValue(false)
            .withDescription("Whether the connections between the cluster's processes (RPC between JobManager,"
                    + " TaskManagers and bin/weir run -m; data between TaskManagers) use TLS with mutual"
                    + " authentication: each side presents the certificate of security.ssl.internal.keystore and"
                    + " accepts only peers whose certificate security.ssl.internal.truststore trusts. Every process"
                    + " of the cluster, and every client that submits with run -m, must set it alike.");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE = ConfigOptions.key("security.ssl.internal.keystore")
            .stringType().noDefaultValue()
            .withDescription("Key store file (PKCS12 or JKS) with the cluster's private key and certificate, used on"
                    + " internal connections. Required when security.ssl.internal.enabled is true.");

    public static final ConfigOption<String> SSL_INTERNAL_KEYSTORE_PASSWORD = ConfigOptions
            .key("security.ssl.internal.keystore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.internal.keystore.");

    public static final ConfigOption<String> SSL_INTERNAL_KEY_PASSWORD = ConfigOptions.key("security.ssl.internal.key-password")
            .stringType().noDefaultValue()
            .withDescription("Password of the private key in security.ssl.internal.keystore. Unset: the key store's"
                    + " password (keytool makes PKCS12 keys with the store's password).");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE = ConfigOptions.key("security.ssl.internal.truststore")
            .stringType().noDefaultValue()
            .withDescription("Trust store file (PKCS12 or JKS) with the certificates internal peers must present;"
                    + " usually the cluster's own certificate, or the key store itself. Required when"
                    + " security.ssl.internal.enabled is true.");

    public static final ConfigOption<String> SSL_INTERNAL_TRUSTSTORE_PASSWORD = ConfigOptions
            .key("security.ssl.internal.truststore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.internal.truststore.");

    /** Netty's handshake timeout, which {@code -1} stands for, as in Flink. */
    public static final int DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    public static final ConfigOption<Integer> SSL_INTERNAL_HANDSHAKE_TIMEOUT = ConfigOptions
            .key("security.ssl.internal.handshake-timeout")
            .intType().defaultValue(-1)
            .withDescription("How long, in ms, the TLS handshake of an internal connection (RPC or data) may take;"
                    + " a peer that has not completed it by then is dropped: an accepting process closes the"
                    + " connection, a connecting one fails naming the peer. -1: the default of "
                    + DEFAULT_HANDSHAKE_TIMEOUT_MILLIS + " ms. Raise it when busy or distant processes are dropped"
                    + " while connecting.")
            .withValidation(ms -> ms == -1 || ms > 0, "be a positive number of milliseconds, or -1 for the default");

    public static final ConfigOption<Boolean> SSL_REST_ENABLED = ConfigOptions.key("security.ssl.rest.enabled")
            .booleanType().defaultValue(false)
            .withDescription("Whether the REST API and the dashboard are served over HTTPS (with"
                    + " security.ssl.rest.keystore), and whether bin/weir list, cancel, stop and savepoint connect"
                    + " with HTTPS (trusting security.ssl.rest.truststore). Plain HTTP is then refused.");

    public static final ConfigOption<String> SSL_REST_KEYSTORE = ConfigOptions.key("security.ssl.rest.keystore")
            .stringType().noDefaultValue()
            .withDescription("Key store file (PKCS12 or JKS) with the REST server's private key and certificate."
                    + " The certificate must name the host clients connect to (subject alternative name), since"
                    + " clients verify it. Required on the JobManager when security.ssl.rest.enabled is true; on a"
                    + " client only with security.ssl.rest.authentication-enabled.");

    public static final ConfigOption<String> SSL_REST_KEYSTORE_PASSWORD = ConfigOptions.key("security.ssl.rest.keystore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.rest.keystore.");

    public static final ConfigOption<String> SSL_REST_KEY_PASSWORD = ConfigOptions.key("security.ssl.rest.key-password")
            .stringType().noDefaultValue()
            .withDescription("Password of the private key in security.ssl.rest.keystore. Unset: the key store's password.");

    public static final ConfigOption<String> SSL_REST_TRUSTSTORE = ConfigOptions.key("security.ssl.rest.truststore")
            .stringType().noDefaultValue()
            .withDescription("Trust store file (PKCS12 or JKS) a client uses to check the REST server's certificate"
                    + " (and the server, with security.ssl.rest.authentication-enabled, the clients'). Unset on a"
                    + " client: the JDK's default certificate authorities.");

    public static final ConfigOption<String> SSL_REST_TRUSTSTORE_PASSWORD = ConfigOptions
            .key("security.ssl.rest.truststore-password")
            .stringType().noDefaultValue()
            .withDescription("Password of security.ssl.rest.truststore.");

    public static final ConfigOption<Boolean> SSL_REST_AUTHENTICATION_ENABLED = ConfigOptions
            .key("security.ssl.rest.authentication-enabled")
            .booleanType().defaultValue(false)
            .withDescription("Whether the REST server requires clients to present a certificate its"
                    + " security.ssl.rest.truststore trusts (mutual TLS); clients then present the one of"
                    + " security.ssl.rest.keystore.");

    public static final ConfigOption<String> SSL_PROTOCOL = ConfigOptions.key("security.ssl.protocol")
            .stringType().defaultValue("TLSv1.2")
            .withDescription("The TLS protocol version of every TLS connection, such as TLSv1.2 or TLSv1.3 (then set"
                    + " security.ssl.algorithms to TLS 1.3 suites such as TLS_AES_128_GCM_SHA256).");

    public static final ConfigOption<String> SSL_ALGORITHMS = ConfigOptions.key("security.ssl.algorithms")
            .stringType().defaultValue("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
            .withDescription("Comma-separated cipher suites of every TLS connection, by their JDK standard names."
                    + " The default needs RSA keys (keytool -keyalg RSA).");
}
