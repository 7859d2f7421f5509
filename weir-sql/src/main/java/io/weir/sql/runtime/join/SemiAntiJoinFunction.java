package io.weir.sql.runtime.join;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;

/**
 * A regular semi join ({@code IN}, {@code EXISTS}) or anti join ({@code NOT IN}, {@code NOT EXISTS}):
 * it emits left rows only, each once while it has a partner (semi) or while it has none (anti), with
 * Flink's changelog. Both inputs are keyed by the join key and keep their rows in keyed state
 * ({@link JoinRecords}), each left row with the number of right rows it joins (its associations).
 * <ul>
 *   <li>A left row added with partners (semi) or without (anti) is emitted {@code +I}; retracted, it
 *       is taken back ({@code -D}) if it had been emitted.</li>
 *   <li>A right row changes the associations of the left rows it joins: a left row whose count goes
 *       from 0 to 1 is emitted (semi) or taken back (anti), one whose count goes back to 0 the
 *       opposite.</li>
 *   <li>A left row whose key has a null (for {@code =} keys) joins nothing; such right rows are ignored.</li>
 * </ul>
 * A semi join of append-only inputs therefore emits only {@code +I} rows.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class SemiAntiJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final JoinSpec spec;
    private final boolean anti;
    private transient RowProgram residual;
    private transient JoinRecords leftRecords;
    private transient JoinRecords rightRecords;

    /** @param anti whether left rows are emitted while they have no partner (else while they have one) */
    public SemiAntiJoinFunction(JoinSpec spec, boolean anti) {
        this.spec = spec;
        this.anti = anti;
    }

    @Override
    public void open(OpenContext openContext) {
        residual = spec.residualClass() == null ? null : CompiledCalc.compile(spec.residualClass(), spec.residualSource());
        leftRecords = new JoinRecords(getRuntimeContext(), "left-rows", spec.leftType(), spec.stateTtl());
        rightRecords = new JoinRecords(getRuntimeContext(), "right-rows", spec.rightType(), spec.stateTtl());
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        boolean adds = adds(row);
        long associations = 0;
        if (!hasRejectedNull(ctx.getCurrentKey())) {
            long now = ctx.timerService().currentProcessingTime();
            rightRecords.open(now);
            try {
                while (rightRecords.next()) {
                    if (passes(row, rightRecords.row())) {
                        associations++;
                    }
                }
            } finally {
                rightRecords.close();
            }
            if (adds) {
                leftRecords.add(row, associations, now);
            } else {
                leftRecords.remove(row, now);
            }
        }
        if ((associations == 0) == anti) {
            out.collect(as(adds ? RowKind.INSERT : RowKind.DELETE, row));
        }
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        if (hasRejectedNull(ctx.getCurrentKey())) {
            return;
        }
        boolean adds = adds(row);
        long now = ctx.timerService().currentProcessingTime();
        leftRecords.open(now);
        try {
            while (leftRecords.next()) {
                Row left = leftRecords.row();
                if (!passes(left, row)) {
                    continue;
                }
                long before = leftRecords.associations();
                long after = before + (adds ? 1 : -1);
                leftRecords.setAssociations(after);
                if (before == 0 || after == 0) {
                    // Semi: 0 -> 1 emits, 1 -> 0 takes back; anti the opposite.
                    RowKind kind = (before == 0) != anti ? RowKind.INSERT : RowKind.DELETE;
                    out.collect(as(kind, left));
                }
            }
        } finally {
            leftRecords.close();
        }
        if (adds) {
            rightRecords.add(row, 0, now);
        } else {
            rightRecords.remove(row, now);
        }
    }

    private boolean passes(Row left, Row right) {
        if (residual == null) {
            return true;
        }
        int leftArity = spec.leftType().getArity();
        Row joined = new Row(RowKind.INSERT, leftArity + spec.rightType().getArity());
        for (int i = 0; i < leftArity; i++) {
            joined.setField(i, left.getField(i));
        }
        for (int i = 0; i < right.getArity(); i++) {
            joined.setField(leftArity + i, right.getField(i));
        }
        return residual.apply(joined) != null;
    }

    private boolean hasRejectedNull(Row key) {
        return JoinedRows.hasRejectedNull(spec.nullRejectingKeys(), key);
    }

    private static boolean adds(Row row) {
        return row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
    }

    private static Row as(RowKind kind, Row row) {
        Row copy = Row.copy(row);
        copy.setKind(kind);
        return copy;
    }
}
