package io.weir.runtime.graph;

/**
 * A connection between two vertices: the stream edge it carries and the vertices at its ends.
 * Each edge is its own exchange: the producer writes one subpartition per consumer subtask.
 */
public record JobEdge(int id, JobVertex producer, JobVertex consumer, StreamEdge streamEdge) {
    @Override
    public String toString() {
        return producer.getName() + " -" + streamEdge.exchange() + "-> " + consumer.getName();
    }
}
