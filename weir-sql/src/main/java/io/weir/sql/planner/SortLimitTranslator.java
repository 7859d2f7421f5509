package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.rank.DropRowNumber;
import io.weir.sql.runtime.rank.RankFunction;
import io.weir.sql.runtime.rank.RankKind;
import io.weir.sql.runtime.rank.RowOrder;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates {@code ORDER BY ... LIMIT n [OFFSET m]} (and the Table API's {@code orderBy(...).fetch(n)}
 * / {@code limit}) as Flink's streaming planner does: a Top-N over the whole input, in one subtask,
 * whose result is the rows at positions {@code m + 1} to {@code m + n}, kept up to date as an updating
 * changelog. For append-only input a local Top-N in each input subtask drops the rows beyond the
 * first {@code m + n} before the exchange ({@link RankTranslator#locallyRanked}). A sort without a limit is refused, as Flink refuses it on a non-time column: an
 * unbounded stream has no last row to sort up to.
 */
final class SortLimitTranslator {

    private SortLimitTranslator() {
    }

    static ChangelogStream translate(Sort sort, ChangelogStream input, Duration stateTtl) {
        if (sort.fetch == null) {
            throw StatementPlaces.error(Subject.orderBy(), "ORDER BY without LIMIT (or FETCH) is not supported on a stream: "
                    + "Sort on a non-time-attribute field is not supported. Add a LIMIT, e.g. ORDER BY "
                    + "price DESC LIMIT 10, or leave the order to the reader of the result");
        }
        long offset = sort.offset == null ? 0 : constant(sort.offset, "OFFSET");
        long fetch = constant(sort.fetch, "LIMIT");
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        RelDataType rowType = sort.getInput().getRowType();
        RelDataType numbered = sort.getCluster().getTypeFactory().builder().addAll(rowType.getFieldList())
                .add("$row_number", SqlTypeName.BIGINT).build();
        RowOrder order = RowOrders.of(collations);
        RankFunction.Spec spec = new RankFunction.Spec(order, RankKind.ROW_NUMBER, offset + fetch,
                input.mode().isInsertOnly(), RowTypes.of(rowType), stateTtl);
        DataStream<Row> ranked = RankTranslator.locallyRanked(input, order, RankKind.ROW_NUMBER, offset + fetch, rowType)
                .keyBy(new KeyProjection(new int[0]), RowTypes.of(rowType, new int[0]))
                .process(new RankFunction(spec), RowTypes.of(numbered))
                .setParallelism(1)
                .name("SortLimit");
        DataStream<Row> rows = ranked.flatMap(new DropRowNumber(offset), RowTypes.of(rowType))
                .setParallelism(1).name("DropRowNumber");
        return new ChangelogStream(rows, ChangelogMode.all(), StreamPlanTranslator.describe(sort));
    }

    private static long constant(RexNode node, String clause) {
        if (node instanceof RexLiteral literal && literal.getValueAs(BigDecimal.class) != null) {
            return literal.getValueAs(BigDecimal.class).longValueExact();
        }
        throw StatementPlaces.error(Subject.fetch(), clause + " must be a constant number, not " + node);
    }
}
