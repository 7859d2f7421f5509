package io.weir.sql.session;

import io.weir.api.execution.Pipeline;
import io.weir.runtime.graph.StreamEdge;
import io.weir.runtime.graph.StreamGraph;
import io.weir.runtime.graph.StreamGraphBuilder;
import io.weir.runtime.graph.StreamNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators a statement runs as, for EXPLAIN: one line per operator with its parallelism
 * and how each input reaches it (FORWARD, HASH, REBALANCE, ...), numbered in the order the job graph
 * has them, sources first. It is the same stream graph a submitted job is built from.
 */
final class PhysicalPlan {

    private PhysicalPlan() {
    }

    static String describe(Pipeline pipeline) {
        StreamGraph graph = StreamGraphBuilder.build(pipeline, Thread.currentThread().getContextClassLoader());
        List<String> lines = new ArrayList<>();
        Map<StreamNode, Integer> numbers = new HashMap<>();
        for (StreamNode node : graph.getNodes()) {
            numbers.put(node, numbers.size() + 1);
        }
        for (StreamNode node : graph.getNodes()) {
            StringBuilder line = new StringBuilder();
            line.append('[').append(numbers.get(node)).append("] ").append(node.getName())
                    .append(" (parallelism ").append(node.getParallelism()).append(')');
            List<String> inputs = new ArrayList<>();
            for (StreamEdge edge : node.getInEdges()) {
                inputs.add(edge.exchange() + " from [" + numbers.get(edge.source()) + "]"
                        + (edge.outputTag() == null ? "" : " side output '" + edge.outputTag().getId() + "'"));
            }
            if (!inputs.isEmpty()) {
                line.append(" <- ").append(String.join(", ", inputs));
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }
}
