package io.weir.connector.kafka.sink;

import io.weir.api.connector.base.DeliveryGuarantee;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Builds a {@link KafkaSink}. Required: bootstrap servers and a record serializer. The delivery
 * guarantee defaults to {@link DeliveryGuarantee#NONE}, as in Flink.
 *
 * @param <IN> the records written
 */
public final class KafkaSinkBuilder<IN> {
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.NONE;
    private KafkaRecordSerializationSchema<IN> recordSerializer;
    private String transactionalIdPrefix;
    private final Properties properties = new Properties();

    KafkaSinkBuilder() {}

    public KafkaSinkBuilder<IN> setBootstrapServers(String bootstrapServers) {
        return setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    public KafkaSinkBuilder<IN> setDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
        this.deliveryGuarantee = Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
        return this;
    }

    /** The prefix of the producers' transactional ids; used by EXACTLY_ONCE, which is not available yet. */
    public KafkaSinkBuilder<IN> setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        return this;
    }

    public KafkaSinkBuilder<IN> setRecordSerializer(KafkaRecordSerializationSchema<IN> recordSerializer) {
        this.recordSerializer = Objects.requireNonNull(recordSerializer, "recordSerializer");
        return this;
    }

    /** Kafka producer properties (added to those set before). */
    public KafkaSinkBuilder<IN> setKafkaProducerConfig(Properties props) {
        properties.putAll(props);
        return this;
    }

    public KafkaSinkBuilder<IN> setProperty(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    public KafkaSink<IN> build() {
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            throw new UnsupportedOperationException("KafkaSink with DeliveryGuarantee.EXACTLY_ONCE is not available in"
                    + " Weir yet: it needs Kafka transactions committed when a checkpoint completes, and the Kafka"
                    + " sink does not do that yet. Use DeliveryGuarantee.AT_LEAST_ONCE (no record"
                    + " is lost; a restarted job may write some again, so make consumers idempotent or deduplicate"
                    + " by key)" + (transactionalIdPrefix == null ? "" : "; the transactional id prefix '"
                    + transactionalIdPrefix + "' is then not needed") + ".");
        }
        if (properties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalStateException("Cannot build the KafkaSink: no bootstrap servers; call"
                    + " setBootstrapServers(\"host:port,...\").");
        }
        if (recordSerializer == null) {
            throw new IllegalStateException("Cannot build the KafkaSink: no record serializer; call setRecordSerializer("
                    + "KafkaRecordSerializationSchema.builder().setTopic(...).setValueSerializationSchema(...).build()).");
        }
        Properties producer = new Properties();
        producer.putAll(properties);
        if (deliveryGuarantee == DeliveryGuarantee.AT_LEAST_ONCE) {
            // a send is done only when every in-sync replica has it
            producer.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        }
        return new KafkaSink<>(deliveryGuarantee, recordSerializer, producer);
    }
}
