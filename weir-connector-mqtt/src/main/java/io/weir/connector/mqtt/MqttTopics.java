package io.weir.connector.mqtt;

/** MQTT 3.1.1's rules for topic names (publish) and topic filters (subscribe), checked before connecting. */
public final class MqttTopics {
    private MqttTopics() {
    }

    /**
     * Checks a filter: not empty, {@code #} only as the whole last level, {@code +} only as a whole
     * level. Throws an {@link IllegalArgumentException} saying what is wrong.
     */
    public static String checkFilter(String filter) {
        checkNotEmpty(filter, "topic filter");
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw new IllegalArgumentException("The MQTT topic filter '" + filter + "' is not valid: '#' must be"
                        + " a whole level and the last one, as in 'sensors/#'");
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException("The MQTT topic filter '" + filter + "' is not valid: '+' must be"
                        + " a whole level, as in 'sensors/+/temperature'");
            }
        }
        return filter;
    }

    /** Checks a topic to publish to: not empty and without wildcards. */
    public static String checkTopicName(String topic) {
        checkNotEmpty(topic, "topic");
        if (topic.contains("+") || topic.contains("#")) {
            throw new IllegalArgumentException("The MQTT topic '" + topic + "' contains a wildcard ('+' or '#');"
                    + " messages are published to a topic name, and wildcards only belong in subscriptions");
        }
        return topic;
    }

    /** Checks a quality of service the connector supports (0 or 1). */
    public static int checkQos(int qos) {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("MQTT QoS " + qos + " is not supported: use 0 (at most once) or 1"
                    + " (at least once)");
        }
        return qos;
    }

    private static void checkNotEmpty(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The MQTT " + what + " must not be empty");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("The MQTT " + what + " '" + value + "' contains a NUL character");
        }
    }
}
