package io.weir.connector.mqtt.source;

import io.weir.api.connector.source.SourceSplit;
import java.util.Objects;

/**
 * One topic filter of the source, read through one MQTT session: the client id is fixed when the
 * job first starts and travels with the split through checkpoints, so a restored reader reconnects
 * to the same (persistent) session and the broker redelivers what was not acknowledged. The index
 * (the filter's position in the source) picks the reader the split goes to.
 */
public record MqttTopicSplit(int index, String topicFilter, int qos, String clientId) implements SourceSplit {

    public MqttTopicSplit {
        Objects.requireNonNull(topicFilter, "topicFilter");
        Objects.requireNonNull(clientId, "clientId");
    }

    @Override
    public String splitId() {
        return clientId;
    }
}
