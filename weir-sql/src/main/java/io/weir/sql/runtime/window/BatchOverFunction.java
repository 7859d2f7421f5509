package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.rank.RowOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranking and offset functions of an OVER window in BATCH mode, as Flink's batch planner runs
 * them over a bounded input: keyed by the partition, it keeps the partition's rows until the input
 * has ended (the final watermark), sorts them by the window's {@code ORDER BY} (any columns, either
 * direction; rows that compare equal keep their arrival order) and emits every row ({@code +I}) with
 * each function's value:
 * <ul>
 *   <li>{@code ROW_NUMBER()}: 1, 2, 3, ... in the sorted order;</li>
 *   <li>{@code RANK()}: 1 + the number of rows before the row's peers (rows equal in the order);
 *       {@code DENSE_RANK()}: 1 + the number of distinct order values before it (both BIGINT);</li>
 *   <li>{@code PERCENT_RANK()}: (rank - 1) / (rows - 1), 0 for a partition of one row;
 *       {@code CUME_DIST()}: the rows up to the row's last peer / rows (both DOUBLE);</li>
 *   <li>{@code NTILE(n)}: the row's bucket 1..n when the sorted rows are cut into n buckets whose
 *       sizes differ by at most one, the larger first;</li>
 *   <li>{@code LAG(x, k, d)} / {@code LEAD(x, k, d)}: x of the row k rows before / after in the sorted
 *       order (k = 1 by default), or d (NULL by default) where there is none.</li>
 * </ul>
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class BatchOverFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /** The functions it computes. */
    public enum Kind { ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD }

    /**
     * One function call of the window.
     *
     * @param argument the field LAG/LEAD read (-1 for the others)
     * @param count LAG/LEAD's offset in rows, NTILE's number of buckets
     * @param constantDefault LAG/LEAD's default when it is a constant (else null)
     * @param defaultField LAG/LEAD's default when it is a column of the current row (else -1)
     * @param intResult whether the result is INT (else BIGINT for the counting functions)
     */
    public record Call(Kind kind, int argument, long count, Object constantDefault, int defaultField,
            boolean intResult) implements Serializable {
    }

    /** @param order the window's ORDER BY */
    public record Spec(List<Call> calls, RowOrder order, RowTypeInfo rowType) implements Serializable {
    }

    private final Spec spec;
    private transient ListState<Row> partitionRows;

    public BatchOverFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        partitionRows = getRuntimeContext().getListState(new ListStateDescriptor<>("batch-over-rows", spec.rowType()));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        partitionRows.add(input);
        // fires with the final watermark, once the bounded input has ended
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Row row : partitionRows.get()) {
            rows.add(row);
        }
        partitionRows.clear();
        rows.sort(spec.order()); // stable: peers keep their arrival order
        int n = rows.size();
        // for each row, where its peers start and end (exclusive), and the dense rank of the peer group
        int[] peersStart = new int[n];
        int[] peersEnd = new int[n];
        long[] dense = new long[n];
        long groups = 0;
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && spec.order().compare(rows.get(start), rows.get(end)) == 0) {
                end++;
            }
            groups++;
            for (int i = start; i < end; i++) {
                peersStart[i] = start;
                peersEnd[i] = end;
                dense[i] = groups;
            }
            start = end;
        }
        List<Call> calls = spec.calls();
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            int arity = row.getArity();
            Row result = new Row(RowKind.INSERT, arity + calls.size());
            for (int f = 0; f < arity; f++) {
                result.setField(f, row.getField(f));
            }
            for (int c = 0; c < calls.size(); c++) {
                result.setField(arity + c, value(calls.get(c), rows, i, peersStart[i], peersEnd[i], dense[i]));
            }
            out.collect(result);
        }
    }

    private static Object value(Call call, List<Row> rows, int i, int peersStart, int peersEnd, long dense) {
        int n = rows.size();
        return switch (call.kind()) {
            case ROW_NUMBER -> count(call, i + 1);
            case RANK -> count(call, peersStart + 1);
            case DENSE_RANK -> count(call, dense);
            case PERCENT_RANK -> n == 1 ? 0.0 : (double) peersStart / (n - 1);
            case CUME_DIST -> (double) peersEnd / n;
            case NTILE -> count(call, bucket(i, n, call.count()));
            case LAG, LEAD -> {
                long at = call.kind() == Kind.LAG ? i - call.count() : i + call.count();
                if (at >= 0 && at < n) {
                    yield rows.get((int) at).getField(call.argument());
                }
                yield call.defaultField() >= 0 ? rows.get(i).getField(call.defaultField()) : call.constantDefault();
            }
        };
    }

    /** The 1-based bucket of the 0-based row i of n rows cut into {@code buckets} buckets, the larger first. */
    public static long bucket(long i, long n, long buckets) {
        long size = n / buckets;
        long larger = n % buckets; // the first `larger` buckets hold size + 1 rows
        long inLarger = larger * (size + 1);
        return i < inLarger ? i / (size + 1) + 1 : larger + (i - inLarger) / size + 1;
    }

    private static Object count(Call call, long value) {
        return call.intResult() ? (Object) Math.toIntExact(value) : (Object) value;
    }
}
