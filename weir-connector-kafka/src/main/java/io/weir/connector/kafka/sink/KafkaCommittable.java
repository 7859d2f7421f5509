package io.weir.connector.kafka.sink;

/**
 * A pre-committed Kafka transaction of an exactly-once {@link KafkaSink}: everything the committer
 * needs to finish it from a producer other than the one that wrote it (after a restore, from
 * another process).
 *
 * @param transactionalId the producer's transactional id, {@code <prefix>-<subtask>-<n>}
 * @param producerId the producer id the broker gave that transactional id
 * @param epoch the producer epoch the transaction was written under
 * @param transactionV2 whether the transaction uses Kafka's transaction protocol version 2, in which
 *     the broker adds partitions to the transaction as records arrive (Kafka 4.0 and later)
 */
public record KafkaCommittable(String transactionalId, long producerId, short epoch, boolean transactionV2) {}
