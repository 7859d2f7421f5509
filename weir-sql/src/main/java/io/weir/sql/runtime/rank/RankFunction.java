package io.weir.sql.runtime.rank;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-N ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY o) AS rn ... WHERE rn <= N}), and with
 * {@code N = 1} deduplication: keyed by the partition, it keeps the partition's rows sorted by the
 * order and emits the changes to the first N rows as an updating changelog. Each output row is the
 * input row followed by its number ({@code BIGINT}): its row number, or with {@code RANK()} and
 * {@code DENSE_RANK()} its rank ({@link RankKind}), where ties share a number and all rows ranked
 * within N are in the result.
 * <ul>
 *   <li>When a row enters the first N at position i, every row at or after i moves down one: each
 *       position whose row changed emits {@code -U} with the old row and number and {@code +U} with
 *       the new; a position filled for the first time emits {@code +I}, one emptied emits {@code -D}.</li>
 *   <li>{@code +I}/{@code +U} input rows are added, {@code -U}/{@code -D} rows removed. Rows equal in
 *       the order keep their arrival order.</li>
 *   <li>For append-only input only the first N rows are kept (a row pushed out can never come
 *       back); for updating input all rows are kept, since a retraction lets the next one in.</li>
 * </ul>
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class RankFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * @param limit N: how many rows of each partition are in the result
     * @param appendOnlyInput whether the input has only {@code +I} rows
     * @param stateTtl {@code table.exec.state.ttl}; zero keeps state forever
     */
    public record Spec(RowOrder order, RankKind kind, long limit, boolean appendOnlyInput, RowTypeInfo rowType,
            Duration stateTtl)
            implements Serializable {
    }

    private final Spec spec;
    private transient ValueState<List<Row>> sorted;

    public RankFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<List<Row>> descriptor = new ValueStateDescriptor<>("sorted-rows",
                new ListTypeInfo<>(spec.rowType()));
        if (!spec.stateTtl().isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(spec.stateTtl())
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        sorted = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        List<Row> rows = sorted.value();
        if (rows == null) {
            rows = new ArrayList<>();
        }
        List<Row> before = RankedRows.numbered(rows, spec.order(), spec.kind(), spec.limit());
        Row row = asInsert(input);
        boolean adds = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
        if (adds) {
            rows.add(RankedRows.insertionPoint(rows, row, spec.order()), row);
            if (spec.appendOnlyInput()) {
                // Rows numbered beyond N never come back: nothing can retract the rows above them.
                RankedRows.trim(rows, spec.order(), spec.kind(), spec.limit());
            }
        } else if (!rows.remove(row)) {
            return; // never seen, or expired
        }
        if (rows.isEmpty()) {
            sorted.clear();
        } else {
            sorted.update(rows);
        }
        emitChanges(before, RankedRows.numbered(rows, spec.order(), spec.kind(), spec.limit()), out);
    }

    private static void emitChanges(List<Row> before, List<Row> after, Collector<Row> out) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            Row old = i < before.size() ? before.get(i) : null;
            Row current = i < after.size() ? after.get(i) : null;
            if (old == null) {
                out.collect(as(RowKind.INSERT, current));
            } else if (current == null) {
                out.collect(as(RowKind.DELETE, old));
            } else if (!old.equals(current)) {
                out.collect(as(RowKind.UPDATE_BEFORE, old));
                out.collect(as(RowKind.UPDATE_AFTER, current));
            }
        }
    }

    /** A numbered row with the change kind it is emitted with. */
    private static Row as(RowKind kind, Row numbered) {
        Row out = Row.copy(numbered);
        out.setKind(kind);
        return out;
    }

    private static Row asInsert(Row row) {
        if (row.getKind() == RowKind.INSERT) {
            return row;
        }
        Row copy = Row.copy(row);
        copy.setKind(RowKind.INSERT);
        return copy;
    }
}
