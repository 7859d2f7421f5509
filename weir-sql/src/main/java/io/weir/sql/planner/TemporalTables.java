package io.weir.sql.planner;

import io.weir.sql.catalog.Column;
import io.weir.sql.types.LogicalType.TimeAttribute;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * What a temporal join needs to know about its inputs, read from the plan: which field of the
 * probe side is a time attribute (a table's rowtime or {@code PROCTIME()} column, or a
 * {@code PROCTIME()} call, followed through projections), and whether the build side is a
 * versioned table: a table with a {@code PRIMARY KEY} and a {@code WATERMARK}, or a view that
 * deduplicates a table with one ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY t DESC) = 1},
 * whose key is {@code k}).
 */
final class TemporalTables {

    private TemporalTables() {
    }

    /** The versioned table's rowtime field and key fields; either may be missing (-1, null). */
    record Versioned(int rowtime, int[] key) {
    }

    /** The time attribute that field {@code field} of {@code node} is, or NONE. */
    static TimeAttribute timeAttribute(RelNode node, int field) {
        if (node instanceof LogicalCalc calc) {
            RexNode projected = projected(calc, field);
            if (projected instanceof RexCall call && call.getOperator().getName().equals(ProctimeFunction.NAME)) {
                return TimeAttribute.PROCTIME;
            }
            if (projected instanceof RexCall call && call.getOperator().getName().equals(WindowTimeFunctions.WINDOW_ROWTIME)) {
                return TimeAttribute.ROWTIME;
            }
            return projected instanceof RexInputRef ref ? timeAttribute(calc.getInput(), ref.getIndex()) : TimeAttribute.NONE;
        }
        if (node instanceof LogicalWindow window && field < window.getInput().getRowType().getFieldCount()) {
            return timeAttribute(window.getInput(), field);
        }
        if (node instanceof LogicalTableScan scan && scan.getTable().unwrap(SourceTable.class) != null) {
            SourceTable table = scan.getTable().unwrap(SourceTable.class);
            Column column = table.catalogTable().schema().columns().get(field);
            return column.type().timeAttribute();
        }
        return TimeAttribute.NONE;
    }

    /** The rowtime and key of {@code node} as a versioned table's; null parts where it has none. */
    static Versioned versioned(RelNode node) {
        if (node instanceof LogicalTableScan scan && scan.getTable().unwrap(SourceTable.class) != null) {
            SourceTable table = scan.getTable().unwrap(SourceTable.class);
            List<String> names = scan.getRowType().getFieldNames();
            int rowtime = -1;
            for (int i = 0; i < names.size(); i++) {
                if (timeAttribute(scan, i) == TimeAttribute.ROWTIME) {
                    rowtime = i;
                }
            }
            List<String> primaryKey = table.catalogTable().schema().primaryKey();
            int[] key = primaryKey.isEmpty() ? null : primaryKey.stream().mapToInt(names::indexOf).toArray();
            return new Versioned(rowtime, key);
        }
        if (node instanceof LogicalCalc calc && RankTranslator.isRank(calc)) {
            return throughProjection(calc, deduplication((LogicalWindow) calc.getInput()));
        }
        if (node instanceof LogicalCalc calc) {
            return throughProjection(calc, versioned(calc.getInput()));
        }
        return new Versioned(-1, null);
    }

    /**
     * Whether {@code node} keeps the latest row per key by a processing-time attribute, through
     * projections: {@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt DESC) = 1} with {@code pt} a
     * {@code PROCTIME()} column, the versioned view of a temporal table function over processing time.
     */
    static boolean latestByProcessingTime(RelNode node) {
        if (node instanceof LogicalCalc calc && RankTranslator.isRank(calc)) {
            LogicalWindow window = (LogicalWindow) calc.getInput();
            Window.Group group = window.groups.get(0);
            List<org.apache.calcite.rel.RelFieldCollation> order = group.orderKeys.getFieldCollations();
            return deduplication(window).key() != null && order.size() == 1
                    && order.get(0).getDirection() == org.apache.calcite.rel.RelFieldCollation.Direction.DESCENDING
                    && timeAttribute(window.getInput(), order.get(0).getFieldIndex()) == TimeAttribute.PROCTIME;
        }
        return node instanceof LogicalCalc calc && latestByProcessingTime(calc.getInput());
    }

    /** A deduplication's rows are unique by its partition key; its input's rowtime passes through. */
    private static Versioned deduplication(LogicalWindow window) {
        Versioned input = versioned(window.getInput());
        Window.Group group = window.groups.get(0);
        boolean keepsOneRow = group.aggCalls.get(0).getOperator().getName().equals("ROW_NUMBER");
        return new Versioned(input.rowtime(), keepsOneRow && !group.keys.isEmpty() ? group.keys.toArray() : null);
    }

    /** The input's rowtime and key as fields of the Calc's output; a key not projected whole is lost. */
    private static Versioned throughProjection(LogicalCalc calc, Versioned input) {
        int count = calc.getRowType().getFieldCount();
        int rowtime = -1;
        int[] key = input.key() == null ? null : new int[input.key().length];
        if (key != null) {
            java.util.Arrays.fill(key, -1);
        }
        for (int i = 0; i < count; i++) {
            if (!(projected(calc, i) instanceof RexInputRef ref)) {
                continue;
            }
            if (ref.getIndex() == input.rowtime()) {
                rowtime = i;
            }
            for (int k = 0; key != null && k < key.length; k++) {
                if (input.key()[k] == ref.getIndex() && key[k] < 0) {
                    key[k] = i;
                }
            }
        }
        boolean keyWhole = key != null && java.util.Arrays.stream(key).allMatch(k -> k >= 0);
        return new Versioned(rowtime, keyWhole ? key : null);
    }

    private static RexNode projected(LogicalCalc calc, int field) {
        RexProgram program = calc.getProgram();
        return program.expandLocalRef(program.getProjectList().get(field));
    }
}
