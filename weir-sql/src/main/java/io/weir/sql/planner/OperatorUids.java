package io.weir.sql.planner;

import io.weir.api.transformations.PartitionTransformation;
import io.weir.api.transformations.SideOutputTransformation;
import io.weir.api.transformations.Transformation;
import io.weir.api.transformations.UnionTransformation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Gives the operators of a SQL job uids derived from the stateful part of its plan, so that a query
 * changed only in its stateless parts restores from a savepoint of the old one (Flink names SQL
 * operators by their place in the job, so any change may lose the state).
 *
 * <p>Each part of the plan has a <em>signature</em>: what its state means. Projections, filters and
 * Calcs have none of their own; their signature is their input's. A table scan's is the table's name
 * (its source keeps its read position whatever the query does with the rows). A group aggregate's is
 * its grouping columns and aggregate calls, each column by name and type, plus its input's signature. Any
 * other part (join, Top-N, OVER, window function, set operation, ...) is signed by its own line of the
 * plan, its inputs' column names and types (its state holds their rows) and its inputs' signatures. Each
 * operator a part creates gets the uid {@code sql:<part>:<hash of the signature>/<operator name>};
 * operators of stateless parts get none (they have no state). An INSERT's sink is signed by its table.
 *
 * <p>Changing a stateful part changes its uid, so restoring fails naming the old operator unless
 * {@code execution.state-recovery.ignore-unclaimed-state} is set: state is never restored into an
 * operator that means something else by it.
 */
final class OperatorUids {

    /** Ids of transformations already given to a part of the plan (or to a sink). */
    private final Set<Integer> claimed = new HashSet<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<RelNode, String> signatures = new IdentityHashMap<>();

    /**
     * The id the next transformation will get: what a part's translation creates from now on has this
     * id or a higher one, what existed before (a DataStream a table was made of) a lower one.
     */
    static int nextId() {
        return new Transformation<Object>("probe", null, 1) {
            @Override
            public List<Transformation<?>> getInputs() {
                return List.of();
            }
        }.getId() + 1;
    }

    /**
     * Gives the operators that translating {@code node} created (those from {@code firstId} on between
     * its output and its inputs' outputs, which were claimed when the inputs were translated) the node's uids.
     */
    void assign(RelNode node, Transformation<?> output, int firstId) {
        List<Transformation<?>> created = claim(output, firstId);
        if (!stateless(node)) {
            setUids(label(node), signature(node), created);
        }
    }

    /** Gives the operators that writing into {@code table} created (its sink and what leads to it) uids. */
    void assignSink(String table, List<Transformation<?>> sinks, int firstId) {
        List<Transformation<?>> created = new ArrayList<>();
        for (Transformation<?> sink : sinks) {
            created.addAll(claim(sink, firstId));
        }
        setUids("Sink[" + table + "]", "sink:" + table, created);
    }

    private List<Transformation<?>> claim(Transformation<?> output, int firstId) {
        List<Transformation<?>> created = new ArrayList<>();
        Deque<Transformation<?>> pending = new ArrayDeque<>(List.of(output));
        while (!pending.isEmpty()) {
            Transformation<?> t = pending.pop();
            if (t.getId() >= firstId && claimed.add(t.getId())) {
                created.add(t);
                t.getInputs().forEach(pending::push);
            }
        }
        return created;
    }

    private void setUids(String label, String signature, List<Transformation<?>> created) {
        String base = "sql:" + label + ":" + hash(signature);
        Map<String, Integer> names = new HashMap<>();
        for (Transformation<?> t : created) {
            // Exchanges, unions and side outputs are no operators of their own; a uid a connector set stays.
            if (t instanceof PartitionTransformation || t instanceof UnionTransformation
                    || t instanceof SideOutputTransformation || t.getUid() != null) {
                continue;
            }
            String uid = base + "/" + t.getName();
            int seen = names.merge(uid, 1, Integer::sum);
            uid = seen == 1 ? uid : uid + "#" + seen;
            // Equal parts of one job (two INSERTs into one table in a statement set) are numbered in plan order.
            for (int n = 2; !taken.add(uid); n++) {
                uid = base + "/" + t.getName() + "@" + n;
            }
            t.setUid(uid);
        }
    }

    /** Parts without state of their own: their operators keep no uid and their signature is their input's. */
    static boolean stateless(RelNode node) {
        return (node instanceof LogicalCalc calc && !RankTranslator.isRank(calc))
                || node instanceof LogicalProject || node instanceof LogicalFilter;
    }

    /** What the state of {@code node} and of the stateful parts below it means; equal signatures, same state. */
    String signature(RelNode node) {
        String signature = signatures.get(node);
        if (signature == null) {
            signature = compute(node);
            signatures.put(node, signature);
        }
        return signature;
    }

    private String compute(RelNode node) {
        if (stateless(node)) {
            return signature(node.getInput(0));
        }
        if (node instanceof LogicalTableScan scan) {
            return "scan:" + String.join(".", scan.getTable().getQualifiedName());
        }
        if (node instanceof Aggregate aggregate) {
            return "aggregate:" + aggregate.getGroupType() + ":" + groupSets(aggregate) + ":"
                    + aggregateCalls(aggregate) + "<-(" + signature(aggregate.getInput()) + ")";
        }
        StringBuilder text = new StringBuilder(node.getRelTypeName()).append(':')
                .append(StreamPlanTranslator.explain(node).lines().findFirst().orElse(""));
        for (RelNode input : node.getInputs()) {
            text.append("<-(").append(columns(input.getRowType().getFieldList())).append(' ')
                    .append(signature(input)).append(')');
        }
        return text.toString();
    }

    private static String groupSets(Aggregate aggregate) {
        List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
        return aggregate.getGroupSets().stream()
                .map(set -> set.asList().stream().map(i -> column(fields.get(i))).collect(Collectors.joining(",", "{", "}")))
                .collect(Collectors.joining(","));
    }

    private static String aggregateCalls(Aggregate aggregate) {
        List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
        List<String> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            StringBuilder text = new StringBuilder(call.getAggregation().getName());
            text.append(call.isDistinct() ? "(DISTINCT " : "(");
            text.append(call.getArgList().stream().map(i -> column(fields.get(i))).collect(Collectors.joining(",")));
            text.append("):").append(call.getType());
            if (call.filterArg >= 0) {
                text.append(" FILTER ").append(column(fields.get(call.filterArg)));
            }
            for (RelFieldCollation order : call.getCollation().getFieldCollations()) {
                text.append(" ORDER ").append(column(fields.get(order.getFieldIndex()))).append(order.direction);
            }
            calls.add(text.toString());
        }
        return String.join(",", calls);
    }

    private static String columns(List<RelDataTypeField> fields) {
        return fields.stream().map(OperatorUids::column).collect(Collectors.joining(",", "[", "]"));
    }

    private static String column(RelDataTypeField field) {
        return field.getName() + " " + field.getType();
    }

    /** The part as its uid names it, for people reading a restore error. */
    private static String label(RelNode node) {
        if (node instanceof LogicalTableScan scan) {
            return "Source[" + String.join(".", scan.getTable().getQualifiedName()) + "]";
        }
        if (node instanceof Aggregate aggregate) {
            List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
            String keys = aggregate.getGroupSet().asList().stream().map(i -> fields.get(i).getName())
                    .collect(Collectors.joining(","));
            String calls = aggregate.getAggCallList().stream()
                    .map(call -> call.getAggregation().getName() + (call.isDistinct() ? "(DISTINCT " : "(")
                            + call.getArgList().stream().map(i -> fields.get(i).getName()).collect(Collectors.joining(","))
                            + ")")
                    .collect(Collectors.joining(","));
            return "GroupAggregate[" + keys + (calls.isEmpty() ? "" : "; " + calls) + "]";
        }
        if (node instanceof LogicalCalc) {
            return "Rank";
        }
        return node.getRelTypeName().replace("Logical", "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(12);
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
