package io.weir.connector.kafka.sink;

import io.weir.api.connector.base.DeliveryGuarantee;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Builds a {@link KafkaSink}. Required: bootstrap servers and a record serializer, and with
 * {@link DeliveryGuarantee#EXACTLY_ONCE} a transactional id prefix. The delivery guarantee defaults
 * to {@link DeliveryGuarantee#NONE}, as in Flink.
 *
 * @param <IN> the records written
 */
public final class KafkaSinkBuilder<IN> {
    /**
     * {@code transaction.timeout.ms} of EXACTLY_ONCE unless set: 15 minutes, the brokers' default
     * {@code transaction.max.timeout.ms}, so the sink works with stock brokers (Flink sets one hour,
     * which stock brokers refuse).
     */
    static final String DEFAULT_TRANSACTION_TIMEOUT_MS = "900000";

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

    /**
     * The prefix of the transactional ids of EXACTLY_ONCE ({@code <prefix>-<subtask>-<checkpoint>});
     * required with it. Use one unique to the job and sink: a restored job aborts the open
     * transactions with its prefix, including those of another job that shares it.
     */
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
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            checkTransactionalIdPrefix();
            producer.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
        }
        if (deliveryGuarantee != DeliveryGuarantee.NONE) {
            // a send is done only when every in-sync replica has it
            producer.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        }
        return new KafkaSink<>(deliveryGuarantee, recordSerializer, producer, transactionalIdPrefix);
    }

    private void checkTransactionalIdPrefix() {
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            throw new IllegalStateException("Cannot build the KafkaSink: DeliveryGuarantee.EXACTLY_ONCE needs a"
                    + " transactional id prefix; call setTransactionalIdPrefix(\"...\") with a name unique to this"
                    + " job and sink (its transactions are named <prefix>-<subtask>-<checkpoint>, and a restored job"
                    + " aborts the open ones with its prefix).");
        }
        if (properties.getProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG) != null) {
            throw new IllegalStateException("Cannot build the KafkaSink: the producer property "
                    + ProducerConfig.TRANSACTIONAL_ID_CONFIG + " is set; the exactly-once sink names its transactions"
                    + " itself from setTransactionalIdPrefix(...). Remove the property.");
        }
    }
}
