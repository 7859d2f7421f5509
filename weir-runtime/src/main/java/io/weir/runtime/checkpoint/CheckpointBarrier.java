package io.weir.runtime.checkpoint;

/**
 * Marks the point in a stream that belongs to checkpoint {@code id}: every record before it is
 * reflected in the checkpoint's state, every record after it is not. Sources emit it between two
 * records; it travels in-band, in order with the records, through every exchange.
 *
 * @param id the checkpoint's id, increasing within a job
 * @param timestamp when the coordinator triggered the checkpoint (epoch millis)
 */
public record CheckpointBarrier(long id, long timestamp) {}
