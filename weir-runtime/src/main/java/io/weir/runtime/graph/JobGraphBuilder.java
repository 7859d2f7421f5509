package io.weir.runtime.graph;

import io.weir.api.operators.ChainingStrategy;
import io.weir.api.transformations.Exchange;
import io.weir.runtime.source.SourceOperatorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link JobGraph} from a {@link StreamGraph} by operator chaining: a node joins its
 * input's chain when it has exactly one input, connected FORWARD, with the same parallelism and slot
 * sharing group, and both ends allow chaining. A two-input node always heads its chain: its task
 * reads both inputs from the network.
 *
 * <p>A multiple-input node whose chaining strategy is {@link ChainingStrategy#HEAD_WITH_SOURCES} also
 * takes in the FLIP-27 sources that feed it directly ({@link #isChainableSource}): they become part of
 * its vertex, placed before it in the chain ({@link JobVertex#getChainedSources()}), and their task
 * runs their readers as inputs of its own, with no exchange between source and operator.
 */
public final class JobGraphBuilder {
    private JobGraphBuilder() {}

    public static JobGraph build(StreamGraph streamGraph, ClassLoader userClassLoader) {
        Map<StreamNode, List<StreamNode>> chains = new HashMap<>();
        Map<StreamNode, StreamNode> headOf = new HashMap<>();
        List<StreamNode> heads = new ArrayList<>();
        Map<StreamNode, List<StreamNode>> chainedSources = new HashMap<>();
        for (StreamNode node : streamGraph.getNodes()) {
            if (isChainableSource(node)) {
                StreamNode target = node.getOutEdges().get(0).target();
                headOf.put(node, target);
                chainedSources.computeIfAbsent(target, t -> new ArrayList<>()).add(node);
            }
        }
        for (StreamNode node : streamGraph.getNodes()) {
            if (headOf.containsKey(node)) {
                continue; // a source chained into the multiple-input node it feeds
            }
            if (node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0))) {
                StreamNode head = headOf.get(node.getInEdges().get(0).source());
                headOf.put(node, head);
                chains.get(head).add(node);
            } else {
                headOf.put(node, node);
                List<StreamNode> chain = new ArrayList<>(sortedByInput(chainedSources.getOrDefault(node, List.of())));
                chain.add(node);
                chains.put(node, chain);
                heads.add(node);
            }
        }
        List<JobVertex> vertices = new ArrayList<>();
        Map<StreamNode, JobVertex> vertexOfHead = new HashMap<>();
        for (StreamNode head : heads) {
            JobVertex vertex = new JobVertex(vertices.size(), chains.get(head),
                    chainedSources.getOrDefault(head, List.of()).size());
            vertices.add(vertex);
            vertexOfHead.put(head, vertex);
        }
        List<JobEdge> edges = new ArrayList<>();
        for (StreamNode node : streamGraph.getNodes()) {
            for (StreamEdge e : node.getOutEdges()) {
                JobVertex producer = vertexOfHead.get(headOf.get(e.source()));
                JobVertex consumer = vertexOfHead.get(headOf.get(e.target()));
                if (producer == consumer) {
                    continue;
                }
                JobEdge jobEdge = new JobEdge(edges.size(), producer, consumer, e);
                edges.add(jobEdge);
                producer.getOutputs().add(jobEdge);
                consumer.getInputs().add(jobEdge);
            }
        }
        return new JobGraph(streamGraph.getJobName(), vertices, edges, streamGraph.getExecutionConfig(),
                streamGraph.getConfiguration(), userClassLoader);
    }

    /**
     * Whether {@code node} is a FLIP-27 source ({@code fromSource}) to run inside the task of the
     * multiple-input operator it feeds, as Flink does: the operator asks for it
     * ({@link ChainingStrategy#HEAD_WITH_SOURCES}), the source's only output is a FORWARD edge into
     * it, without side output, at the same parallelism and in the same slot sharing group, and the
     * source allows chaining.
     */
    static boolean isChainableSource(StreamNode node) {
        if (!(node.getOperatorFactory() instanceof SourceOperatorFactory<?, ?>) || node.getOutEdges().size() != 1) {
            return false;
        }
        StreamEdge edge = node.getOutEdges().get(0);
        StreamNode down = edge.target();
        return edge.exchange() == Exchange.FORWARD
                && edge.outputTag() == null
                && down.getMultipleInputs() > 0
                && down.getChainingStrategy() == ChainingStrategy.HEAD_WITH_SOURCES
                && node.getParallelism() == down.getParallelism()
                && node.getSlotSharingGroup().equals(down.getSlotSharingGroup())
                && node.getChainingStrategy() != ChainingStrategy.NEVER;
    }

    /** Chained sources in the order of the operator inputs they feed. */
    private static List<StreamNode> sortedByInput(List<StreamNode> sources) {
        List<StreamNode> sorted = new ArrayList<>(sources);
        sorted.sort(java.util.Comparator.comparingInt(s -> s.getOutEdges().get(0).inputIndex()));
        return sorted;
    }

    static boolean isChainable(StreamEdge edge) {
        StreamNode up = edge.source();
        StreamNode down = edge.target();
        return edge.exchange() == Exchange.FORWARD
                && up.getParallelism() == down.getParallelism()
                && up.getSlotSharingGroup().equals(down.getSlotSharingGroup())
                && up.getChainingStrategy() != ChainingStrategy.NEVER
                && down.getChainingStrategy() == ChainingStrategy.ALWAYS
                && !down.getOperatorFactory().isSource()
                && !down.isTwoInput()
                && down.getMultipleInputs() == 0; // a multiple-input operator heads its chain, as in Flink
    }
}
