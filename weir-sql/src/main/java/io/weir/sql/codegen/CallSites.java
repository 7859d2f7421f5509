package io.weir.sql.codegen;

import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Keeps the calls of a non-deterministic function apart. Calcite's programs register equal
 * expressions once and then simplify, so {@code UUID() <> UUID()} would read one value twice and fold
 * to FALSE. Flink evaluates every call site on its own; so does Weir: each call of {@code UUID()},
 * {@code RAND()} or {@code RAND_INTEGER(bound)} (the unseeded ones) is wrapped in
 * {@code $CALL_SITE(call, n)} with a number of its own, which no simplification can merge, and the
 * generated code evaluates the wrapped call where it stands.
 */
public final class CallSites {

    /** {@code $CALL_SITE(call, n)}: the value of {@code call}; {@code n} only tells the sites apart. */
    public static final SqlFunction CALL_SITE = new SqlFunction("$CALL_SITE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM) {
        @Override
        public boolean isDeterministic() {
            return false;
        }
    };

    private static final Set<String> PER_CALL = Set.of("UUID", "RAND", "RAND_INTEGER");

    private CallSites() {
    }

    /** The plan with every unseeded call of a non-deterministic function wrapped in its own call site. */
    public static RelNode separate(RelNode plan, RexBuilder rexBuilder) {
        int[] sites = {0};
        RexShuttle wrap = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexNode visited = super.visitCall(call);
                if (isPerCall(call)) {
                    return rexBuilder.makeCall(call.getType(), CALL_SITE,
                            java.util.List.of(visited, rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(sites[0]++))));
                }
                return visited;
            }
        };
        return plan.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return super.visit(other).accept(wrap);
            }
        });
    }

    private static boolean isPerCall(RexCall call) {
        String name = call.getOperator().getName();
        if (!PER_CALL.contains(name) || call.getOperator().isDeterministic()) {
            return false;
        }
        // RAND(seed) and RAND_INTEGER(seed, bound) draw from a generator seeded once per call site already.
        return switch (name) {
            case "RAND" -> call.getOperands().isEmpty();
            case "RAND_INTEGER" -> call.getOperands().size() == 1;
            default -> true;
        };
    }

    static boolean isCallSite(RexCall call) {
        return call.getOperator() == CALL_SITE;
    }
}
