package io.weir.connector.kafka.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InvalidTxnTimeoutException;

/**
 * The Kafka transactions of one exactly-once writer subtask: one per checkpoint interval, each with
 * its own {@link TransactionalProducer} and transactional id ({@link TransactionalIds}).
 *
 * <h2>Life cycle</h2>
 * <ol>
 *   <li>On creation, the transactions a failed attempt left open and the restored checkpoint does
 *       not cover are aborted ({@link LingeringTransactions}).
 *   <li>The first record after a checkpoint opens the transaction of the next checkpoint: a new
 *       producer, {@code initTransactions()} (which also fences an earlier producer of that id),
 *       {@code beginTransaction()}. A checkpoint interval without records opens none.
 *   <li>At the checkpoint ({@link #precommit}), the producer has been flushed, so every record is
 *       on the brokers inside the transaction; its id, producer id and epoch become the committable
 *       and the producer is closed at once, without waiting, which leaves the transaction open
 *       (a graceful close would abort it).
 *   <li>{@link #close} closes an open, not pre-committed transaction's producer gracefully, which
 *       aborts it.
 * </ol>
 *
 * <p>A transaction must be committed before the broker's timer ({@code transaction.timeout.ms},
 * started at its first record) aborts it. A transaction older than half of that when it is
 * pre-committed, or while records are still written into it, fails the job instead: the
 * checkpoint interval is too long for the timeout, or checkpointing is off (the transaction would
 * only end with the input). The job then restarts from its last checkpoint and loses nothing.
 *
 * <p>Threading: task thread only.
 */
final class WriterTransactions {
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Properties producerProperties;
    private final TransactionalIds ids;
    private final int subtask;
    private final long transactionTimeoutMs;
    private long nextNumber;
    private TransactionalProducer current;
    private boolean hasRecords;
    private long firstRecordNanos;

    WriterTransactions(Properties producerProperties, TransactionalIds ids, int subtask, int parallelism,
            OptionalLong restoredCheckpointId, Collection<KafkaWriterState> recoveredState) {
        this.producerProperties = producerProperties;
        this.ids = ids;
        this.subtask = subtask;
        this.transactionTimeoutMs = Long.parseLong(producerProperties.getProperty(
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
        Set<TransactionalIds> prefixes = new LinkedHashSet<>();
        prefixes.add(ids);
        recoveredState.forEach(state -> prefixes.add(new TransactionalIds(state.transactionalIdPrefix())));
        try {
            LingeringTransactions.abort(producerProperties, prefixes, subtask, parallelism, restoredCheckpointId,
                    ADMIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while aborting lingering Kafka transactions", e);
        }
        this.nextNumber = restoredCheckpointId.orElse(0) + 1;
    }

    String prefix() {
        return ids.prefix();
    }

    /** The producer to send a record with, in the open transaction (opened now if there is none). */
    Producer<byte[], byte[]> forRecord() {
        Producer<byte[], byte[]> producer = current();
        if (!hasRecords) {
            hasRecords = true;
            firstRecordNanos = System.nanoTime();
        } else {
            checkAge("while writing into it");
        }
        return producer;
    }

    /** The open transaction's producer (opened now if there is none), for metadata. */
    Producer<byte[], byte[]> current() {
        if (current == null) {
            current = open(ids.of(subtask, nextNumber));
        }
        return current;
    }

    private TransactionalProducer open(String transactionalId) {
        TransactionalProducer producer = new TransactionalProducer(producerProperties, transactionalId);
        try {
            producer.initTransactions();
            producer.beginTransaction();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            if (!isTimeoutRefusal(e)) {
                throw e;
            }
            throw new IllegalStateException("The Kafka brokers refuse the exactly-once sink's "
                    + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + " of " + transactionTimeoutMs + " ms: it is larger"
                    + " than their transaction.max.timeout.ms. Lower the sink's setting (KafkaSink.builder()"
                    + ".setProperty(\"" + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + "\", ...)) or raise"
                    + " transaction.max.timeout.ms on the brokers.", e);
        }
    }

    /** The client reports the broker's INVALID_TRANSACTION_TIMEOUT as a plain KafkaException; its text names the setting. */
    private static boolean isTimeoutRefusal(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidTxnTimeoutException
                    || (t.getMessage() != null && t.getMessage().contains("transaction.max.timeout.ms"))) {
                return true;
            }
        }
        return false;
    }

    void flush() {
        if (current != null) {
            current.flush();
        }
    }

    /** Hands the open transaction over (flushed by the caller) as a committable; none if it has no records. */
    List<KafkaCommittable> precommit() {
        if (current == null) {
            return List.of();
        }
        if (hasRecords) {
            checkAge("at its checkpoint");
        }
        List<KafkaCommittable> result = hasRecords ? List.of(current.committable()) : List.of();
        current.close(Duration.ZERO);
        current = null;
        hasRecords = false;
        nextNumber++;
        return result;
    }

    /** Numbers the next transaction after the checkpoint just taken. */
    void nextAfter(long checkpointId) {
        if (current == null) {
            nextNumber = checkpointId + 1;
        }
    }

    private void checkAge(String when) {
        long ageMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstRecordNanos);
        if (ageMs > transactionTimeoutMs / 2) {
            throw new IllegalStateException("The exactly-once Kafka sink's transaction " + current.transactionalId()
                    + " has been open for " + ageMs + " ms " + when + ", more than half of "
                    + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + " (" + transactionTimeoutMs + " ms), after which"
                    + " Kafka aborts it. A transaction ends at each checkpoint: turn checkpointing on"
                    + " (env.enableCheckpointing(...)) with an interval well below half of "
                    + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + ", or raise it (and the brokers'"
                    + " transaction.max.timeout.ms). The job fails and restarts from its last checkpoint"
                    + " rather than lose the records.");
        }
    }

    /** Aborts the open transaction, if any, by closing its producer gracefully. */
    void close() {
        if (current != null) {
            current.close(Duration.ofSeconds(5));
            current = null;
        }
    }
}
