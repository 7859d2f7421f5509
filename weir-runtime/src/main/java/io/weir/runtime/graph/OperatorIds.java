package io.weir.runtime.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every node of a stream graph its operator id, the key its state has in checkpoints and
 * savepoints. A node with a uid gets a hash of the uid, so it keeps its state whatever else changes.
 * A node without one gets a hash of its place in the graph: the ids of its inputs (with the input
 * index and side output each edge comes from) and, among nodes with the same inputs, the order in
 * which the program created it — the same for the same program, but changed by adding or removing
 * operators upstream. Set uids on stateful operators of jobs you will upgrade.
 */
final class OperatorIds {
    private OperatorIds() {}

    /** @param nodes in creation order: a node's inputs come before it */
    static void assign(List<StreamNode> nodes) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> uids = new HashSet<>();
        for (StreamNode node : nodes) {
            if (node.getUid() != null) {
                if (!uids.add(node.getUid())) {
                    throw new IllegalArgumentException("Two operators of the job have the uid '" + node.getUid()
                            + "' (one is '" + node.getName() + "'): a uid must be unique in a job");
                }
                node.setOperatorId(hash("uid:" + node.getUid()));
                continue;
            }
            List<String> inputs = new ArrayList<>();
            for (StreamEdge edge : node.getInEdges()) {
                inputs.add(edge.source().getOperatorId() + "/" + edge.inputIndex() + "/"
                        + (edge.outputTag() == null ? "" : edge.outputTag().getId()));
            }
            inputs.sort(null);
            String signature = String.join(",", inputs);
            int index = seen.merge(signature, 1, Integer::sum) - 1;
            node.setOperatorId(hash("node:" + signature + "#" + index));
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
