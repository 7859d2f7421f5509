package io.weir.connector.kafka.sink;

import java.io.Serializable;
import java.util.function.Function;

/** Picks the topic of each record (see {@link KafkaRecordSerializationSchemaBuilder#setTopicSelector}). */
@FunctionalInterface
public interface TopicSelector<IN> extends Function<IN, String>, Serializable {}
