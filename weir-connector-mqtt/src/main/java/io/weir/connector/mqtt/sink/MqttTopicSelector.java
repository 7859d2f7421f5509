package io.weir.connector.mqtt.sink;

import java.io.Serializable;

/** Picks the MQTT topic each record is published to (a topic name, no wildcards). */
@FunctionalInterface
public interface MqttTopicSelector<T> extends Serializable {
    String topicOf(T record);
}
