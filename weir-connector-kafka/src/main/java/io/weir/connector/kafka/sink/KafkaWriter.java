package io.weir.connector.kafka.sink;

import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.StatefulSinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the records of one subtask to Kafka. A failed send is remembered by the producer's callback
 * and fails the job at the next write or flush: no record is dropped silently.
 *
 * <ul>
 *   <li>{@link DeliveryGuarantee#NONE}: one producer; only the end of input waits for acknowledgements.
 *   <li>{@link DeliveryGuarantee#AT_LEAST_ONCE}: one producer; {@link #flush} (at every checkpoint)
 *       waits until every record sent so far is acknowledged, and fails if one was not.
 *   <li>{@link DeliveryGuarantee#EXACTLY_ONCE}: the records between two checkpoints go into one
 *       Kafka transaction ({@link WriterTransactions}); at the checkpoint the writer flushes and
 *       hands the transaction over as a {@link KafkaCommittable}, and {@link KafkaCommitter}
 *       commits it when the checkpoint completed.
 * </ul>
 *
 * <p>Threading: the writer methods run on the task thread; the send callback runs on the
 * producer's I/O thread and only records the first failure.
 */
final class KafkaWriter<IN> implements CommittingSinkWriter<IN, KafkaCommittable>,
        StatefulSinkWriter<IN, KafkaWriterState>, KafkaRecordSerializationSchema.KafkaSinkContext {
    private final DeliveryGuarantee deliveryGuarantee;
    private final KafkaRecordSerializationSchema<IN> recordSerializer;
    private final String bootstrapServers;
    private final int subtask;
    private final int parallelism;
    private final Callback onSent = this::onSent;
    /** The producer of NONE and AT_LEAST_ONCE; null with EXACTLY_ONCE. */
    private final KafkaProducer<byte[], byte[]> producer;
    /** The transactions of EXACTLY_ONCE; null otherwise. */
    private final WriterTransactions transactions;
    private volatile Exception sendFailure;

    KafkaWriter(WriterInitContext context, KafkaSink<IN> sink, Collection<KafkaWriterState> recoveredState) {
        this.deliveryGuarantee = sink.getDeliveryGuarantee();
        this.recordSerializer = sink.recordSerializer();
        this.subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.parallelism = context.getTaskInfo().getNumberOfParallelSubtasks();
        Properties producerProperties = sink.getKafkaProducerConfig();
        this.bootstrapServers = producerProperties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        producerProperties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producerProperties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        ClassLoader userClassLoader = context.getUserCodeClassLoader();
        try {
            recordSerializer.open((SerializationSchema.InitializationContext) () -> userClassLoader, this);
        } catch (Exception e) {
            throw new IllegalStateException("Opening the Kafka record serializer " + recordSerializer + " failed", e);
        }
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            this.producer = null;
            this.transactions = new WriterTransactions(producerProperties, sink.transactionalIds(), subtask,
                    parallelism, context.getRestoredCheckpointId(), recoveredState);
        } else {
            this.producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer());
            this.transactions = null;
        }
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        checkSendFailure();
        ProducerRecord<byte[], byte[]> record = recordSerializer.serialize(element, this, context.timestamp());
        if (record == null) {
            return;
        }
        Producer<byte[], byte[]> target = transactions == null ? producer : transactions.forRecord();
        try {
            target.send(record, onSent);
        } catch (KafkaException e) {
            // the producer refused the record before sending (no metadata within max.block.ms, too large, ...)
            sendFailure = e;
            checkSendFailure();
        }
    }

    private void onSent(RecordMetadata metadata, Exception failure) {
        if (failure != null && sendFailure == null) {
            sendFailure = failure;
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (transactions != null) {
            transactions.flush();
        } else if (endOfInput || deliveryGuarantee != DeliveryGuarantee.NONE) {
            producer.flush();
        }
        checkSendFailure();
    }

    /** The open transaction, flushed, as a committable (none when it has no records); empty unless EXACTLY_ONCE. */
    @Override
    public Collection<KafkaCommittable> prepareCommit() throws IOException {
        if (transactions == null) {
            return List.of();
        }
        transactions.flush();
        checkSendFailure();
        return transactions.precommit();
    }

    /** The next records go into the transaction of checkpoint {@code checkpointId + 1}. */
    @Override
    public List<KafkaWriterState> snapshotState(long checkpointId) {
        if (transactions == null) {
            return List.of();
        }
        transactions.nextAfter(checkpointId);
        return List.of(new KafkaWriterState(transactions.prefix()));
    }

    private void checkSendFailure() throws IOException {
        Exception failure = sendFailure;
        if (failure != null) {
            throw new IOException("Kafka sink writer " + (subtask + 1) + "/" + parallelism + " could not send a record"
                    + " to Kafka (bootstrap.servers=" + bootstrapServers + "): " + sentence(failure) + " The job fails rather"
                    + " than drop it; check the broker, the topic and the producer settings ("
                    + ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG + ", " + ProducerConfig.MAX_BLOCK_MS_CONFIG
                    + (transactions == null ? "" : ", " + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG) + ").", failure);
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
        Producer<byte[], byte[]> any = transactions == null ? producer : transactions.current();
        return any.partitionsFor(topic).stream().mapToInt(PartitionInfo::partition).sorted().toArray();
    }

    @Override
    public void close() {
        if (transactions != null) {
            transactions.close();
        } else {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
