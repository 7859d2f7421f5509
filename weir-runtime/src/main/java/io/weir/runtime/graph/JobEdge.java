package io.weir.runtime.graph;

import java.io.Serializable;

/**
 * A connection between two vertices: the stream edge it carries and the vertices at its ends.
 * Each edge is its own exchange: the producer writes one subpartition per consumer subtask.
 *
 * <p>A class, not a record: the vertices at its ends refer back to it, and Java serialization
 * cannot restore a record inside such a cycle.
 */
public final class JobEdge implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final JobVertex producer;
    private final JobVertex consumer;
    private final StreamEdge streamEdge;

    public JobEdge(int id, JobVertex producer, JobVertex consumer, StreamEdge streamEdge) {
        this.id = id;
        this.producer = producer;
        this.consumer = consumer;
        this.streamEdge = streamEdge;
    }

    public int id() {
        return id;
    }

    public JobVertex producer() {
        return producer;
    }

    public JobVertex consumer() {
        return consumer;
    }

    public StreamEdge streamEdge() {
        return streamEdge;
    }

    @Override
    public String toString() {
        return producer.getName() + " -" + streamEdge.exchange() + "-> " + consumer.getName();
    }
}
