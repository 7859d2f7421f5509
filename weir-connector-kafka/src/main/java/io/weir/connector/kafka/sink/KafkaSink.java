package io.weir.connector.kafka.sink;

import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import java.util.Properties;

/**
 * Writes a stream to Kafka with one {@code KafkaProducer} per parallel writer. Build one with
 * {@link #builder()}:
 *
 * <pre>{@code
 * KafkaSink<String> sink = KafkaSink.<String>builder()
 *         .setBootstrapServers("localhost:9092")
 *         .setRecordSerializer(KafkaRecordSerializationSchema.builder()
 *                 .setTopic("output")
 *                 .setValueSerializationSchema(new SimpleStringSchema())
 *                 .build())
 *         .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
 *         .build();
 * stream.sinkTo(sink);
 * }</pre>
 *
 * <p>{@link DeliveryGuarantee#NONE} and {@link DeliveryGuarantee#AT_LEAST_ONCE} work;
 * {@link DeliveryGuarantee#EXACTLY_ONCE} is refused by the builder until Weir's sinks can commit
 * Kafka transactions on completed checkpoints.
 *
 * @param <IN> the records written
 */
public final class KafkaSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;

    private final DeliveryGuarantee deliveryGuarantee;
    private final KafkaRecordSerializationSchema<IN> recordSerializer;
    private final Properties producerProperties;

    KafkaSink(DeliveryGuarantee deliveryGuarantee, KafkaRecordSerializationSchema<IN> recordSerializer,
            Properties producerProperties) {
        this.deliveryGuarantee = deliveryGuarantee;
        this.recordSerializer = recordSerializer;
        this.producerProperties = producerProperties;
    }

    public static <IN> KafkaSinkBuilder<IN> builder() {
        return new KafkaSinkBuilder<>();
    }

    public DeliveryGuarantee getDeliveryGuarantee() {
        return deliveryGuarantee;
    }

    /** A copy of the producer properties. */
    public Properties getKafkaProducerConfig() {
        Properties copy = new Properties();
        copy.putAll(producerProperties);
        return copy;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new KafkaWriter<>(context, deliveryGuarantee, recordSerializer, getKafkaProducerConfig());
    }
}
