package io.weir.runtime.graph;

import io.weir.api.operators.ChainingStrategy;
import io.weir.api.transformations.Exchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link JobGraph} from a {@link StreamGraph} by operator chaining: a node joins its
 * input's chain when it has exactly one input, connected FORWARD, with the same parallelism and slot
 * sharing group, and both ends allow chaining. A two-input node always heads its chain: its task
 * reads both inputs from the network.
 */
public final class JobGraphBuilder {
    private JobGraphBuilder() {}

    public static JobGraph build(StreamGraph streamGraph, ClassLoader userClassLoader) {
        Map<StreamNode, List<StreamNode>> chains = new HashMap<>();
        Map<StreamNode, StreamNode> headOf = new HashMap<>();
        List<StreamNode> heads = new ArrayList<>();
        for (StreamNode node : streamGraph.getNodes()) {
            if (node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0))) {
                StreamNode head = headOf.get(node.getInEdges().get(0).source());
                headOf.put(node, head);
                chains.get(head).add(node);
            } else {
                headOf.put(node, node);
                chains.put(node, new ArrayList<>(List.of(node)));
                heads.add(node);
            }
        }
        List<JobVertex> vertices = new ArrayList<>();
        Map<StreamNode, JobVertex> vertexOfHead = new HashMap<>();
        for (StreamNode head : heads) {
            JobVertex vertex = new JobVertex(vertices.size(), chains.get(head));
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
