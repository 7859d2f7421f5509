package io.weir.connector.mqtt.sink;

import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.connector.mqtt.MqttTopics;
import java.io.IOException;
import java.util.ArrayDeque;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes one subtask's records through its own client (clean session). QoS 1 messages stay in a
 * window of at most {@code maxInFlight} unacknowledged ones; a full window waits for the oldest, and
 * {@link #flush} waits for all. A message the broker does not acknowledge within the connection
 * timeout, or a lost connection, fails the job naming the broker and the topic: the restarted job
 * publishes again from its last checkpoint, so nothing is lost.
 *
 * <p>Threading: every method runs on the task thread.
 */
final class MqttWriter<T> implements SinkWriter<T> {
    private final MqttSink<T> sink;
    private final SerializationSchema<T> serializer;
    private final MqttAsyncClient client;
    private final ArrayDeque<IMqttDeliveryToken> inFlight = new ArrayDeque<>();
    private final String name;
    private final long timeoutMs;

    MqttWriter(MqttSink<T> sink, WriterInitContext context) throws IOException {
        this.sink = sink;
        this.serializer = sink.serializer();
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        String clientId = sink.clientIdPrefix() + "-" + subtask;
        this.name = "MQTT sink writer " + (subtask + 1) + "/" + context.getTaskInfo().getNumberOfParallelSubtasks()
                + " (client '" + clientId + "' on " + sink.connection() + ")";
        this.timeoutMs = sink.connection().connectionTimeout().toMillis();
        try {
            serializer.open(context::getUserCodeClassLoader);
            client = new MqttAsyncClient(sink.connection().serverUri(), clientId, new MemoryPersistence());
            MqttConnectOptions options = sink.connection().toPaho(true);
            // Paho frees a slot a little after the delivery token completes: leave it room above our window
            options.setMaxInflight(Math.min(65_535, 2 * sink.maxInFlight() + 16));
            client.connect(options).waitForCompletion(timeoutMs);
        } catch (MqttException e) {
            throw new IOException(name + ": could not connect: " + e.getMessage() + " (Paho reason code "
                    + e.getReasonCode() + "). Check the server URI, the credentials and that the broker runs.", e);
        } catch (Exception e) {
            throw new IOException(name + ": opening the serialization schema failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(T element, Context context) throws IOException {
        String topic = sink.topics().topicOf(element);
        byte[] payload = serializer.serialize(element);
        if (payload == null) {
            return; // the schema skips this record on purpose
        }
        try {
            MqttTopics.checkTopicName(topic);
            if (inFlight.size() >= sink.maxInFlight()) {
                await(inFlight.poll());
            }
            IMqttDeliveryToken token = client.publish(topic, payload, sink.qos(), sink.retained());
            if (sink.qos() > 0) {
                inFlight.add(token);
            }
        } catch (MqttException e) {
            throw failure("publishing to topic '" + topic + "'", e);
        } catch (IllegalArgumentException badTopic) {
            throw new IOException(name + ": the topic selector gave a topic messages cannot be published to: "
                    + badTopic.getMessage(), badTopic);
        }
    }

    /** Waits until the broker has acknowledged every QoS 1 message published so far. */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        try {
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
        } catch (MqttException e) {
            throw failure("waiting for the broker's acknowledgements", e);
        }
    }

    private void await(IMqttDeliveryToken token) throws MqttException {
        token.waitForCompletion(timeoutMs);
        if (!token.isComplete()) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT);
        }
    }

    private IOException failure(String doing, MqttException e) {
        return new IOException(name + ": " + doing + " failed: " + e.getMessage() + " (Paho reason code "
                + e.getReasonCode() + "). The job restarts from its last checkpoint and publishes again what came"
                + " after it.", e);
    }

    @Override
    public void close() throws Exception {
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(timeoutMs);
            }
        } finally {
            client.close(true);
        }
    }
}
