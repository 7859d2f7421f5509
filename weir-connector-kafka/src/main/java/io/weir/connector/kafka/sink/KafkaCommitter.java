package io.weir.connector.kafka.sink;

import io.weir.api.connector.sink.Committer;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Commits the transactions of an exactly-once {@link KafkaSink} once their checkpoint completed: for
 * each committable a short-lived {@link TransactionalProducer} resumes the transaction by its
 * producer id and epoch and commits it. The same path serves the normal case and the commit after a
 * restore (in another process); committing an already committed transaction again succeeds, so
 * re-commits after a restore are harmless.
 *
 * <p>A transaction the broker aborted cannot be committed any more: its records are gone. That
 * happens when the job was down (or the commit failed) for longer than the sink's
 * {@code transaction.timeout.ms}. The commit then fails the job with what happened and what to
 * change rather than continue with a silent gap (Flink logs it and continues).
 *
 * <p>Threading: called on the sink subtask's task thread.
 */
final class KafkaCommitter implements Committer<KafkaCommittable> {
    private final Properties producerProperties;

    KafkaCommitter(Properties producerProperties) {
        this.producerProperties = producerProperties;
    }

    @Override
    public void commit(Collection<CommitRequest<KafkaCommittable>> requests) {
        for (CommitRequest<KafkaCommittable> request : requests) {
            commit(request);
        }
    }

    private void commit(CommitRequest<KafkaCommittable> request) {
        KafkaCommittable committable = request.getCommittable();
        try (TransactionalProducer producer = new TransactionalProducer(producerProperties,
                committable.transactionalId())) {
            producer.resume(committable);
            try {
                producer.commitTransaction();
            } finally {
                producer.close(Duration.ZERO);
            }
        } catch (ProducerFencedException | InvalidProducerEpochException aborted) {
            request.signalFailedWithKnownReason(new IllegalStateException("Kafka aborted the transaction "
                    + committable.transactionalId() + " of a completed checkpoint before it could be committed, so"
                    + " the records written in it are lost. Kafka aborts a transaction that stays open longer than"
                    + " the producer's " + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + " ("
                    + producerProperties.getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG) + " ms): raise it"
                    + " (and the brokers' transaction.max.timeout.ms) above the longest time the job may be down;"
                    + " another job using the same transactional id prefix aborts them too.", aborted));
        } catch (RetriableException transientFailure) {
            request.retryLater();
        } catch (KafkaException e) {
            request.signalFailedWithUnknownReason(e);
        }
    }

    @Override
    public void close() {}
}
