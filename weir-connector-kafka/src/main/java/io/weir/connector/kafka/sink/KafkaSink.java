package io.weir.connector.kafka.sink;

import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.StatefulSinkWriter;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.SupportsWriterState;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

/**
 * Writes a stream to Kafka. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * KafkaSink<String> sink = KafkaSink.<String>builder()
 *         .setBootstrapServers("localhost:9092")
 *         .setRecordSerializer(KafkaRecordSerializationSchema.builder()
 *                 .setTopic("output")
 *                 .setValueSerializationSchema(new SimpleStringSchema())
 *                 .build())
 *         .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *         .setTransactionalIdPrefix("orders-to-kafka")
 *         .build();
 * stream.sinkTo(sink);
 * }</pre>
 *
 * <p>{@link DeliveryGuarantee#NONE} and {@link DeliveryGuarantee#AT_LEAST_ONCE} send with one
 * producer per parallel writer. {@link DeliveryGuarantee#EXACTLY_ONCE} writes the records of each
 * checkpoint interval in a Kafka transaction that is committed when the checkpoint completes, so
 * consumers with {@code isolation.level=read_committed} see every record once, after the
 * checkpoint that covers it (see docs/connectors/kafka.md).
 *
 * @param <IN> the records written
 */
public final class KafkaSink<IN> implements Sink<IN>, SupportsCommitter<KafkaCommittable>,
        SupportsWriterState<IN, KafkaWriterState> {
    private static final long serialVersionUID = 1L;

    private final DeliveryGuarantee deliveryGuarantee;
    private final KafkaRecordSerializationSchema<IN> recordSerializer;
    private final Properties producerProperties;
    private final String transactionalIdPrefix;

    KafkaSink(DeliveryGuarantee deliveryGuarantee, KafkaRecordSerializationSchema<IN> recordSerializer,
            Properties producerProperties, String transactionalIdPrefix) {
        this.deliveryGuarantee = deliveryGuarantee;
        this.recordSerializer = recordSerializer;
        this.producerProperties = producerProperties;
        this.transactionalIdPrefix = transactionalIdPrefix;
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

    KafkaRecordSerializationSchema<IN> recordSerializer() {
        return recordSerializer;
    }

    TransactionalIds transactionalIds() {
        return new TransactionalIds(transactionalIdPrefix);
    }

    @Override
    public StatefulSinkWriter<IN, KafkaWriterState> createWriter(WriterInitContext context) {
        return new KafkaWriter<>(context, this, List.of());
    }

    @Override
    public StatefulSinkWriter<IN, KafkaWriterState> restoreWriter(WriterInitContext context,
            Collection<KafkaWriterState> recoveredState) {
        return new KafkaWriter<>(context, this, recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<KafkaWriterState> getWriterStateSerializer() {
        return new KafkaWriterStateSerializer();
    }

    /** Commits the transactions of EXACTLY_ONCE; the other guarantees have nothing to commit. */
    @Override
    public Committer<KafkaCommittable> createCommitter(CommitterInitContext context) {
        return new KafkaCommitter(getKafkaProducerConfig());
    }

    @Override
    public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
        return new KafkaCommittableSerializer();
    }
}
