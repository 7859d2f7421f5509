package io.weir.connector.kafka.sink;

/**
 * What an exactly-once {@link KafkaSink} writer keeps in checkpoints: the transactional-id prefix it
 * wrote with, so that a job restored with another prefix still finds and aborts the transactions
 * the failed attempt left open under the old one.
 */
public record KafkaWriterState(String transactionalIdPrefix) {}
