package io.weir.connector.mqtt.source;

/**
 * A message as it arrived on one subscription: its topic, bytes, QoS and packet id, and the session
 * it arrived in (an acknowledgement is only sent within the same broker session; see
 * {@link MqttSubscription#acknowledge}).
 */
record ArrivedMessage(MqttSubscription subscription, long session, String topic, byte[] payload, int qos, int id,
        boolean duplicate) {
}
