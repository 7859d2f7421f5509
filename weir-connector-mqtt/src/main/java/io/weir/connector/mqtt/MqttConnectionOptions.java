package io.weir.connector.mqtt;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * Where the broker is and how to connect to it, shared by the source and the sink: the server URI
 * ({@code tcp://host:1883}, {@code ssl://host:8883}), optional credentials, timeouts, and the
 * backoff between reconnection attempts after a lost connection (doubling from
 * {@code initialBackoff} up to {@code maxBackoff}).
 */
public record MqttConnectionOptions(String serverUri, String username, String password, Duration connectionTimeout,
        Duration keepAlive, Duration initialBackoff, Duration maxBackoff) implements Serializable {

    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    public MqttConnectionOptions {
        Objects.requireNonNull(serverUri, "serverUri");
        checkUri(serverUri);
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("The reconnect backoff must be positive and its maximum ("
                    + maxBackoff + ") at least its initial value (" + initialBackoff + ")");
        }
    }

    /** Options with the defaults for everything but the server. */
    public static MqttConnectionOptions of(String serverUri) {
        return new MqttConnectionOptions(serverUri, null, null, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_KEEP_ALIVE,
                DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    private static void checkUri(String serverUri) {
        try {
            URI uri = new URI(serverUri);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("tcp") || scheme.equals("ssl") || scheme.equals("ws")
                    || scheme.equals("wss")) || uri.getHost() == null) {
                throw new IllegalArgumentException("The MQTT server URI '" + serverUri + "' is not of the form "
                        + "tcp://host:port (or ssl://, ws://, wss://)");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The MQTT server URI '" + serverUri + "' is not a URI: "
                    + e.getMessage(), e);
        }
    }

    /** Paho's options for one connection; reconnection is Weir's own (see the source), never Paho's. */
    public MqttConnectOptions toPaho(boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setServerURIs(new String[] {serverUri});
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, connectionTimeout.toSeconds()));
        options.setKeepAliveInterval((int) keepAlive.toSeconds());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    public MqttConnectionOptions withCredentials(String user, String secret) {
        return new MqttConnectionOptions(serverUri, user, secret, connectionTimeout, keepAlive, initialBackoff,
                maxBackoff);
    }

    public MqttConnectionOptions withReconnectBackoff(Duration initial, Duration max) {
        return new MqttConnectionOptions(serverUri, username, password, connectionTimeout, keepAlive, initial, max);
    }

    public MqttConnectionOptions withConnectionTimeout(Duration timeout) {
        return new MqttConnectionOptions(serverUri, username, password, timeout, keepAlive, initialBackoff,
                maxBackoff);
    }

    /** For messages: the server, never the password. */
    @Override
    public String toString() {
        return serverUri + (username == null ? "" : " as " + username);
    }
}
