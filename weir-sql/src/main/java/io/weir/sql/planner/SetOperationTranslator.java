package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.SetOperationFunction;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Translates {@code INTERSECT [ALL]} and {@code EXCEPT [ALL]} ({@link Intersect}, Calcite's
 * {@code Minus}) into a {@link SetOperationFunction} over both inputs keyed by the whole row; more
 * than two inputs ({@code a INTERSECT b INTERSECT c}) are combined two at a time, from the left.
 * An INTERSECT of append-only inputs is append-only; otherwise rows come and go ({@code +I}, {@code -D}).
 */
final class SetOperationTranslator {

    private SetOperationTranslator() {
    }

    static ChangelogStream translate(SetOp setOp, List<ChangelogStream> inputs, Duration stateTtl) {
        boolean intersect = setOp instanceof Intersect;
        SetOperationFunction.Kind kind = intersect
                ? (setOp.all ? SetOperationFunction.Kind.INTERSECT_ALL : SetOperationFunction.Kind.INTERSECT)
                : (setOp.all ? SetOperationFunction.Kind.EXCEPT_ALL : SetOperationFunction.Kind.EXCEPT);
        RelDataType rowType = setOp.getRowType();
        for (RelNode input : setOp.getInputs()) {
            checkTypes(setOp, rowType, input.getRowType());
        }
        RowTypeInfo type = RowTypes.of(rowType);
        int[] allFields = IntStream.range(0, rowType.getFieldCount()).toArray();
        ChangelogStream result = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            ChangelogStream right = inputs.get(i);
            DataStream<Row> rows = renamed(result.rows(), type).connect(renamed(right.rows(), type))
                    .keyBy(new KeyProjection(allFields), new KeyProjection(allFields), type)
                    .process(new SetOperationFunction(kind, stateTtl), type)
                    .name(kind.name());
            boolean appendOnly = intersect && result.mode().isInsertOnly() && right.mode().isInsertOnly();
            result = appendOnly ? ChangelogStream.appendOnly(rows)
                    : new ChangelogStream(rows, ChangelogMode.of(EnumSet.of(RowKind.INSERT, RowKind.DELETE)),
                            StreamPlanTranslator.describe(setOp));
        }
        return result;
    }

    /** The inputs' columns may have other names than the result's: their rows are renamed, not copied. */
    private static DataStream<Row> renamed(DataStream<Row> rows, RowTypeInfo type) {
        return rows.getType().equals(type) ? rows
                : rows.map(row -> row, type).setParallelism(rows.getParallelism()).name("SetOperationInput");
    }

    /** Rows meet by equality of every field, so each input's columns must have the result's types. */
    private static void checkTypes(SetOp setOp, RelDataType rowType, RelDataType inputType) {
        for (int i = 0; i < rowType.getFieldCount(); i++) {
            RelDataTypeField field = rowType.getFieldList().get(i);
            RelDataType input = inputType.getFieldList().get(i).getType();
            if (field.getType().getSqlTypeName() != input.getSqlTypeName()) {
                throw StatementPlaces.error(Subject.setOperation(setOp.kind.name()), setOp.kind + ": column " + (i + 1) + " ('" + field.getName()
                        + "') is " + field.getType().getFullTypeString() + " in the result but "
                        + input.getFullTypeString() + " in one input; CAST the inputs' columns to the same type");
            }
        }
    }
}
