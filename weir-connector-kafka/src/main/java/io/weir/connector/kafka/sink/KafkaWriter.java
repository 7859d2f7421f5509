package io.weir.connector.kafka.sink;

import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records of one subtask with a {@link KafkaProducer}. A failed send is remembered by the
 * producer's callback and fails the job at the next write or flush: no record is dropped silently.
 * With {@link DeliveryGuarantee#AT_LEAST_ONCE}, {@link #flush} (called at every checkpoint) waits until every record sent so far
 * is acknowledged (and fails if one was not); with NONE only the end of input waits.
 *
 * <p>Threading: the {@link SinkWriter} methods run on the task thread; the send callback runs on
 * the producer's I/O thread and only records the first failure.
 */
final class KafkaWriter<IN> implements SinkWriter<IN>, KafkaRecordSerializationSchema.KafkaSinkContext {
    private final DeliveryGuarantee deliveryGuarantee;
    private final KafkaRecordSerializationSchema<IN> recordSerializer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String bootstrapServers;
    private final int subtask;
    private final int parallelism;
    private final Callback onSent = this::onSent;
    private volatile Exception sendFailure;

    KafkaWriter(WriterInitContext context, DeliveryGuarantee deliveryGuarantee,
            KafkaRecordSerializationSchema<IN> recordSerializer, Properties producerProperties) {
        this.deliveryGuarantee = deliveryGuarantee;
        this.recordSerializer = recordSerializer;
        this.subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.parallelism = context.getTaskInfo().getNumberOfParallelSubtasks();
        this.bootstrapServers = producerProperties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        producerProperties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producerProperties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        ClassLoader userClassLoader = context.getUserCodeClassLoader();
        try {
            recordSerializer.open((SerializationSchema.InitializationContext) () -> userClassLoader, this);
        } catch (Exception e) {
            throw new IllegalStateException("Opening the Kafka record serializer " + recordSerializer + " failed", e);
        }
        this.producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        checkSendFailure();
        ProducerRecord<byte[], byte[]> record = recordSerializer.serialize(element, this, context.timestamp());
        if (record != null) {
            try {
                producer.send(record, onSent);
            } catch (KafkaException e) {
                // the producer refused the record before sending (no metadata within max.block.ms, too large, ...)
                sendFailure = e;
                checkSendFailure();
            }
        }
    }

    private void onSent(RecordMetadata metadata, Exception failure) {
        if (failure != null && sendFailure == null) {
            sendFailure = failure;
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (endOfInput || deliveryGuarantee != DeliveryGuarantee.NONE) {
            producer.flush();
        }
        checkSendFailure();
    }

    private void checkSendFailure() throws IOException {
        Exception failure = sendFailure;
        if (failure != null) {
            throw new IOException("Kafka sink writer " + (subtask + 1) + "/" + parallelism + " could not send a record"
                    + " to Kafka (bootstrap.servers=" + bootstrapServers + "): " + sentence(failure) + " The job fails rather"
                    + " than drop it; check the broker, the topic and the producer settings ("
                    + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG + ", " + ProducerConfig.MAX_BLOCK_MS_CONFIG + ").", failure);
        }
    }

    private static String sentence(Exception failure) {
        String text = failure.toString();
        return text.endsWith(".") ? text : text + ".";
    }

    @Override
    public int getParallelInstanceId() {
        return subtask;
    }

    @Override
    public int getNumberOfParallelInstances() {
        return parallelism;
    }

    @Override
    public int[] getPartitionsForTopic(String topic) {
        return producer.partitionsFor(topic).stream().mapToInt(PartitionInfo::partition).sorted().toArray();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
