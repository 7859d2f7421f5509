package io.weir.connector.mqtt.source;

import io.weir.connector.mqtt.MqttConnectionOptions;
import java.io.IOException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One split's MQTT session: a Paho client with manual acknowledgements, connected and subscribed to
 * the split's topic filter, that hands every arrived message to the reader's {@link MessageHandover}
 * and reconnects after a lost connection, waiting between attempts with a backoff that doubles from
 * the initial to the maximum (reset once connected).
 *
 * <p>The first connection must succeed: a wrong URI, bad credentials or a refused subscription fail
 * the job through the handover, naming the server and the filter. Later losses (a broker restart, a
 * network cut) are retried for ever, each attempt logged.
 *
 * <p>Sessions: every connection whose broker had no session for the client (a clean session, or a
 * broker that lost its state) starts a new session number. An acknowledgement is sent only for a
 * message of the current session, since packet ids mean nothing to the broker across sessions (an
 * old id could acknowledge a different, newer message).
 *
 * <p>Threading: the connection loop runs on a thread of its own; {@link #messageArrived} and
 * {@link #connectionLost} on Paho's threads; {@link #acknowledge}, {@link #publishDeadLetter} and
 * {@link #close} on the task thread. Paho's client is thread-safe.
 */
final class MqttSubscription implements MqttCallback, Runnable {
    private static final System.Logger LOG = System.getLogger(MqttSubscription.class.getName());
    private static final int SUBSCRIPTION_REFUSED = 0x80;

    private final MqttTopicSplit split;
    private final MqttConnectionOptions connection;
    private final boolean cleanSession;
    private final MessageHandover handover;
    private final String name;
    private final MqttAsyncClient client;
    private final Thread connector;
    private final Object lock = new Object();
    private boolean connected; // guarded by lock
    private volatile boolean closed;
    private volatile long session;

    MqttSubscription(MqttTopicSplit split, MqttConnectionOptions connection, boolean cleanSession,
            MessageHandover handover, String readerName) throws MqttException {
        this.split = split;
        this.connection = connection;
        this.cleanSession = cleanSession;
        this.handover = handover;
        this.name = readerName + ", MQTT client '" + split.clientId() + "' on " + connection + " for topic filter '"
                + split.topicFilter() + "'";
        this.client = new MqttAsyncClient(connection.serverUri(), split.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
        this.connector = new Thread(this, "MQTT connection of " + split.clientId());
        connector.setDaemon(true);
    }

    void start() {
        connector.start();
    }

    @Override
    public void run() {
        boolean first = true;
        long backoffMs = connection.initialBackoff().toMillis();
        while (!closed) {
            try {
                connectAndSubscribe(first);
                first = false;
                backoffMs = connection.initialBackoff().toMillis();
                awaitLoss();
            } catch (MqttException e) {
                if (closed) {
                    return;
                }
                if (first) {
                    handover.fail(new IOException(name + ": could not connect and subscribe: " + describe(e)
                            + ". Check the server URI, the credentials and that the broker runs.", e));
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, name + ": reconnecting failed (" + describe(e) + "); trying again in "
                        + backoffMs + " ms");
                if (!pause(backoffMs)) {
                    return;
                }
                backoffMs = Math.min(2 * backoffMs, connection.maxBackoff().toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (IOException refused) {
                handover.fail(refused);
                return;
            }
        }
    }

    private void connectAndSubscribe(boolean first) throws MqttException, IOException {
        long timeoutMs = connection.connectionTimeout().toMillis();
        IMqttToken connect = client.connect(connection.toPaho(cleanSession));
        connect.waitForCompletion(timeoutMs);
        boolean sessionPresent = connect.getSessionPresent();
        if (!sessionPresent) {
            session++;
        }
        // A present session keeps its subscription; the first connection subscribes anyway, so a
        // changed QoS takes effect (brokers send retained messages again on that subscribe).
        if (first || !sessionPresent) {
            IMqttToken subscribe = client.subscribe(split.topicFilter(), split.qos());
            subscribe.waitForCompletion(timeoutMs);
            int granted = subscribe.getGrantedQos()[0];
            if (granted == SUBSCRIPTION_REFUSED) {
                throw new IOException(name + ": the broker refused the subscription; check the topic filter and"
                        + " the client's permissions");
            }
        }
        synchronized (lock) {
            connected = true;
        }
        if (!first) {
            LOG.log(System.Logger.Level.INFO, name + ": reconnected" + (sessionPresent ? " to its session"
                    : "; the broker had no session for it, so unacknowledged messages of the old session are gone"
                    + " from the broker"));
        }
    }

    private void awaitLoss() throws InterruptedException {
        synchronized (lock) {
            while (connected && !closed) {
                lock.wait();
            }
        }
    }

    /** Waits {@code ms} or until closed; false if closed. */
    private boolean pause(long ms) {
        synchronized (lock) {
            long end = System.nanoTime() + ms * 1_000_000;
            long left = ms;
            while (!closed && left > 0) {
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    return false;
                }
                left = (end - System.nanoTime()) / 1_000_000;
            }
        }
        return !closed;
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (!closed) {
            LOG.log(System.Logger.Level.WARNING, name + ": connection lost (" + cause + "); reconnecting");
        }
        synchronized (lock) {
            connected = false;
            lock.notifyAll();
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
        handover.offer(new ArrivedMessage(this, session, topic, message.getPayload(), message.getQos(),
                message.getId(), message.isDuplicate()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}

    /**
     * Tells the broker the message is done with (QoS 1 and 2; QoS 0 needs nothing). A message of an
     * earlier session is not acknowledged (see the class comment), and one that cannot be because the
     * client is disconnected will be redelivered by the broker: both only ever cause a duplicate.
     */
    void acknowledge(ArrivedMessage message) {
        if (message.qos() == 0 || message.session() != session) {
            return;
        }
        try {
            client.messageArrivedComplete(message.id(), message.qos());
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, name + ": could not acknowledge message " + message.id() + " ("
                    + describe(e) + "); the broker will deliver it again");
        }
    }

    /** Publishes a message's bytes unchanged to {@code topic} with QoS 1, and waits until the broker has it. */
    void publishDeadLetter(String topic, ArrivedMessage message) throws IOException {
        try {
            client.publish(topic, message.payload(), 1, false).waitForCompletion(connection.connectionTimeout().toMillis());
        } catch (MqttException e) {
            throw new IOException(name + ": could not publish the unreadable message from topic '" + message.topic()
                    + "' to the dead-letter topic '" + topic + "': " + describe(e), e);
        }
    }

    String filter() {
        return split.topicFilter();
    }

    /** Disconnects; a persistent session keeps what was not acknowledged for the next reader. */
    void close() throws InterruptedException {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(connection.connectionTimeout().toMillis());
            } else {
                client.disconnectForcibly(0, 0, false);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, name + ": disconnecting: " + describe(e));
        }
        connector.join(connection.connectionTimeout().toMillis() + 1_000);
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, name + ": closing: " + describe(e));
        }
    }

    static String describe(MqttException e) {
        return e.getMessage() + " (Paho reason code " + e.getReasonCode() + (e.getCause() == null ? ""
                : ", cause: " + e.getCause()) + ")";
    }
}
