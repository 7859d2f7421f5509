package io.weir.connector.kafka.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.functions.Collector;
import io.weir.api.types.TypeInformation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Applies a {@link BadRecordPolicy} around a {@link KafkaRecordDeserializationSchema}: a record the
 * inner deserializer cannot read (it throws) fails the job (the reader adds topic, partition and
 * offset), is logged and counted ({@code skip}), or is written unchanged to the dead-letter topic,
 * with headers saying where it came from and why, before the source moves past it
 * ({@code dead-letter}). The records of one Kafka record are emitted only if all of it was read.
 * {@link KafkaSourceBuilder#setBadRecordPolicy} and the Kafka table's {@code scan.bad-record.policy}
 * both use it.
 *
 * <p>Nothing acknowledged is lost: the source's offset moves past a bad record only after this
 * returns, so a failure while dead-lettering fails the job and the record is read again after the restart.
 *
 * @param <T> the records produced
 */
public final class BadRecordHandlingDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(BadRecordHandlingDeserializer.class.getName());

    private final KafkaRecordDeserializationSchema<T> inner;
    private final BadRecordPolicy policy;
    private final String deadLetterTopic;
    private final Properties producerProperties;
    private final String howToChange;
    private transient long skipped;

    /**
     * @param deadLetterTopic the topic for {@code dead-letter}, else ignored (may be null)
     * @param producerProperties the connection to write dead letters with (bootstrap servers, security)
     * @param howToChange where the user sets the policy, for the failure message (e.g. the table's option)
     */
    public BadRecordHandlingDeserializer(KafkaRecordDeserializationSchema<T> inner, BadRecordPolicy policy,
            String deadLetterTopic, Properties producerProperties, String howToChange) {
        this.inner = Objects.requireNonNull(inner, "deserializer");
        this.policy = Objects.requireNonNull(policy, "bad-record policy");
        if (policy == BadRecordPolicy.DEAD_LETTER && (deadLetterTopic == null || deadLetterTopic.isBlank())) {
            throw new IllegalArgumentException("The bad-record policy 'dead-letter' needs a dead-letter topic");
        }
        this.deadLetterTopic = deadLetterTopic;
        this.producerProperties = producerProperties;
        this.howToChange = howToChange;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        inner.open(context);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException {
        List<T> read = new ArrayList<>(2);
        try {
            inner.deserialize(record, new Collector<>() {
                @Override
                public void collect(T value) {
                    read.add(value);
                }

                @Override
                public void close() {}
            });
        } catch (IOException | RuntimeException e) {
            handleBadRecord(record, e);
            return;
        }
        for (T value : read) {
            out.collect(value);
        }
    }

    private void handleBadRecord(ConsumerRecord<byte[], byte[]> record, Exception e) throws IOException {
        String where = "topic '" + record.topic() + "', partition " + record.partition() + ", offset " + record.offset();
        switch (policy) {
            case FAIL -> throw new IOException(e.getMessage() + " (" + howToChange + " is 'fail';"
                    + " 'skip' or 'dead-letter' would let the job go on)", e);
            case SKIP -> LOG.log(System.Logger.Level.WARNING, "Skipped the record at " + where + " that "
                    + inner + " could not read: " + e.getMessage() + " (" + (++skipped)
                    + " skipped by this reader so far)");
            case DEAD_LETTER -> {
                sendToDeadLetterTopic(record, e);
                LOG.log(System.Logger.Level.WARNING, "Sent the record at " + where + " to the dead-letter topic '"
                        + deadLetterTopic + "': " + e.getMessage());
            }
        }
    }

    /** Writes the record and waits for Kafka's acknowledgement: only then does the source move past it. */
    private void sendToDeadLetterTopic(ConsumerRecord<byte[], byte[]> record, Exception e) throws IOException {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.timestamp(),
                record.key(), record.value());
        letter.headers().add("weir.source.topic", record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("weir.source.partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("weir.source.offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("weir.error", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        // dead letters are rare: a producer per letter keeps no thread alive between them
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(letter).get(60, TimeUnit.SECONDS);
        } catch (Exception sendFailure) {
            throw new IOException("could not write the unreadable record at topic '" + record.topic() + "', partition "
                    + record.partition() + ", offset " + record.offset() + " to the dead-letter topic '"
                    + deadLetterTopic + "': " + sendFailure + "; the record's problem: " + e.getMessage(), sendFailure);
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return inner.getProducedType();
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
