package io.weir.runtime.graph;

import io.weir.api.transformations.Transformation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A task type of the job: a chain of operators that run together in one task, with one
 * parallelism. Nodes are in topological order; the first is the chain's head, unless the head is a
 * multiple-input operator with sources chained into it ({@code HEAD_WITH_SOURCES}): then those
 * sources come first ({@link #getChainedSources()}), the head after them.
 */
public final class JobVertex implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final List<StreamNode> chain;
    private final int chainedSources;
    private final List<JobEdge> inputs = new ArrayList<>();
    private final List<JobEdge> outputs = new ArrayList<>();

    JobVertex(int id, List<StreamNode> chain, int chainedSources) {
        this.id = id;
        this.chain = Collections.unmodifiableList(chain);
        this.chainedSources = chainedSources;
    }

    public int getId() {
        return id;
    }

    /**
     * The id as monitoring shows it (REST API, metric variable {@code <task_id>}): 32 hex digits,
     * the shape of Flink's vertex ids, so tools that parse those accept it.
     */
    public String idString() {
        return String.format("%032x", id);
    }

    /** The chain's operators: the chained sources if any, then the head, then the operators after it. */
    public List<StreamNode> getChain() {
        return chain;
    }

    /** The operator that reads the task's network inputs (and its chained sources' records). */
    public StreamNode getHead() {
        return chain.get(chainedSources);
    }

    /** The index of {@link #getHead()} in {@link #getChain()}: the number of chained sources. */
    public int headIndex() {
        return chainedSources;
    }

    /**
     * The FLIP-27 sources that run inside this task as inputs of its multiple-input head, in the order
     * of the head's inputs they feed; empty for most vertices.
     */
    public List<StreamNode> getChainedSources() {
        return chain.subList(0, chainedSources);
    }

    public boolean hasChainedSources() {
        return chainedSources > 0;
    }

    public String getName() {
        StringBuilder name = new StringBuilder();
        if (chainedSources > 0) {
            name.append('[');
            for (int i = 0; i < chainedSources; i++) {
                name.append(i == 0 ? "" : ", ").append(chain.get(i).getName());
            }
            name.append(']');
        }
        for (StreamNode node : chain.subList(chainedSources, chain.size())) {
            if (name.length() > 0) {
                name.append(" -> ");
            }
            name.append(node.getName());
        }
        return name.toString();
    }

    public int getParallelism() {
        return getHead().getParallelism();
    }

    /**
     * The buffer timeout of this task's outputs in milliseconds, or {@code jobDefault} when no
     * operator of the chain set its own. The task has one flush timer for all its outputs, so when
     * several operators set one, the shortest wins (0, flush every record, before all).
     */
    public long bufferTimeout(long jobDefault) {
        long chosen = Transformation.BUFFER_TIMEOUT_OF_JOB;
        for (StreamNode node : chain) {
            long own = node.getBufferTimeout();
            if (own != Transformation.BUFFER_TIMEOUT_OF_JOB && (chosen == Transformation.BUFFER_TIMEOUT_OF_JOB
                    || own < chosen)) {
                chosen = own;
            }
        }
        return chosen == Transformation.BUFFER_TIMEOUT_OF_JOB ? jobDefault : chosen;
    }

    public int getMaxParallelism() {
        return getHead().getMaxParallelism();
    }

    public String getSlotSharingGroup() {
        return getHead().getSlotSharingGroup();
    }

    public boolean isSource() {
        return getHead().getOperatorFactory().isSource();
    }

    /** Edges into the head, in order; their channels form the task's input. */
    public List<JobEdge> getInputs() {
        return inputs;
    }

    /** Edges leaving the chain to other vertices. */
    public List<JobEdge> getOutputs() {
        return outputs;
    }

    /**
     * The index of the first channel of {@code input} at each subtask of this vertex: the channels
     * of the input edges are numbered one after the other, each edge with one channel per producer.
     */
    public int channelOffset(JobEdge input) {
        int offset = 0;
        for (JobEdge e : inputs) {
            if (e == input) {
                return offset;
            }
            offset += e.producer().getParallelism();
        }
        throw new IllegalArgumentException(input + " is not an input of " + this);
    }

    public boolean contains(StreamNode node) {
        return chain.contains(node);
    }

    @Override
    public String toString() {
        return getName() + " (p=" + getParallelism() + ")";
    }
}
