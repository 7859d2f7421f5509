package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.rank.RowOrder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An OVER window in BATCH mode, as Flink's batch planner runs it over a bounded input: its ranking and
 * offset functions and its aggregates over their frames. Keyed by the partition, it keeps the partition's rows until the input
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
 *       order (k = 1 by default), or d (NULL by default) where there is none;</li>
 *   <li>an aggregate ({@code SUM(x) OVER w}, any of Weir's aggregates and user aggregates): its
 *       {@link Accumulators} over the row's {@link Frame} of the sorted partition.</li>
 * </ul>
 * A frame that only grows from one row to the next (starting at UNBOUNDED PRECEDING, the default
 * {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}, or the whole partition) accumulates each
 * row once; a frame that slides is aggregated afresh for each row whose frame changed, so its cost is
 * rows times frame size.
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
            boolean intResult) implements Column {
    }

    /** An output column after the input's fields: a function {@link Call} or a {@link FrameResult}. */
    public sealed interface Column extends Serializable permits Call, FrameResult {
    }

    /** The result of the {@code aggregate}-th call of the {@code frame}-th {@link Frame}. */
    public record FrameResult(int frame, int aggregate) implements Column {
    }

    /**
     * A frame of the window and the aggregates computed over it. Its bounds are signed distances from
     * the current row, negative before it ({@code 2 PRECEDING} is -2, {@code CURRENT ROW} 0, {@code 3
     * FOLLOWING} 3): for ROWS in rows; for RANGE in the value of the single ORDER BY column (numbers, or
     * ms for timestamps, dates and times), where 0 means the row's peers (rows equal in the whole
     * ORDER BY). A row whose ORDER BY value is NULL has its NULL peers as the offset part of a RANGE frame.
     *
     * @param rows ROWS (else RANGE)
     * @param start where the frame starts; null for UNBOUNDED PRECEDING
     * @param end where it ends (inclusive); null for UNBOUNDED FOLLOWING
     */
    public record Frame(Accumulators accumulators, boolean rows, BigDecimal start, BigDecimal end)
            implements Serializable {
    }

    /**
     * @param columns the output columns after the input's fields, in order
     * @param order the window's ORDER BY
     */
    public record Spec(List<Column> columns, List<Frame> frames, RowOrder order, RowTypeInfo rowType)
            implements Serializable {
    }

    private static final Row NO_KEY = new Row(RowKind.INSERT, 0);

    private final Spec spec;
    private transient ListState<Row> partitionRows;

    public BatchOverFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        partitionRows = getRuntimeContext().getListState(new ListStateDescriptor<>("batch-over-rows", spec.rowType()));
        for (Frame frame : spec.frames()) {
            frame.accumulators().open(getRuntimeContext());
        }
    }

    @Override
    public void close() throws Exception {
        for (Frame frame : spec.frames()) {
            frame.accumulators().close();
        }
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
        List<Frame> frames = spec.frames();
        FrameAggregation[] aggregations = new FrameAggregation[frames.size()];
        for (int f = 0; f < aggregations.length; f++) {
            aggregations[f] = new FrameAggregation(frames.get(f), rows, peersStart, peersEnd, spec.order());
        }
        List<Column> columns = spec.columns();
        Row[] frameResults = new Row[aggregations.length];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            for (int f = 0; f < aggregations.length; f++) {
                frameResults[f] = aggregations[f].resultsAt(i);
            }
            int arity = row.getArity();
            Row result = new Row(RowKind.INSERT, arity + columns.size());
            for (int f = 0; f < arity; f++) {
                result.setField(f, row.getField(f));
            }
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                result.setField(arity + c, column instanceof Call call
                        ? value(call, rows, i, peersStart[i], peersEnd[i], dense[i])
                        : frameResults[((FrameResult) column).frame()].getField(((FrameResult) column).aggregate()));
            }
            out.collect(result);
        }
    }

    /**
     * One frame's aggregates over a sorted partition, row after row: where the frame only grew since
     * the previous row it accumulates the new rows, else it starts over.
     */
    private static final class FrameAggregation {
        private final Frame frame;
        private final List<Row> rows;
        private final int[] peersStart;
        private final int[] peersEnd;
        /** The rows whose ORDER BY value is not NULL, [nonNullFrom, nonNullTo), for RANGE offsets. */
        private final int nonNullFrom;
        private final int nonNullTo;
        private final int orderField;
        private final boolean descending;
        /** A ROWS frame's bounds in rows, clamped to the partition's size. */
        private final long rowsStart;
        private final long rowsEnd;
        /** For a RANGE frame with an offset: each non-NULL row's place on the RANGE axis. */
        private final BigDecimal[] positions;
        private Row acc;
        private int from = -1;
        private int to = -1;
        private Row results;

        FrameAggregation(Frame frame, List<Row> rows, int[] peersStart, int[] peersEnd, RowOrder order) {
            this.frame = frame;
            this.rows = rows;
            this.peersStart = peersStart;
            this.peersEnd = peersEnd;
            this.orderField = order.size() == 1 ? order.field(0) : -1;
            this.descending = orderField >= 0 && order.isDescending(0);
            int first = 0;
            int last = rows.size();
            if (orderField >= 0) {
                while (first < last && rows.get(first).getField(orderField) == null) {
                    first++;
                }
                while (last > first && rows.get(last - 1).getField(orderField) == null) {
                    last--;
                }
            }
            this.nonNullFrom = first;
            this.nonNullTo = last;
            this.rowsStart = clamp(frame.start(), rows.size());
            this.rowsEnd = clamp(frame.end(), rows.size());
            boolean offsets = frame.start() != null && frame.start().signum() != 0
                    || frame.end() != null && frame.end().signum() != 0;
            this.positions = new BigDecimal[!frame.rows() && offsets && orderField >= 0 ? rows.size() : 0];
            for (int j = first; j < last && positions.length > 0; j++) {
                positions[j] = position(rows.get(j).getField(orderField));
            }
        }

        private static long clamp(BigDecimal offset, int n) {
            return offset == null ? 0 : offset.max(BigDecimal.valueOf(-n - 1L)).min(BigDecimal.valueOf(n + 1L))
                    .longValue();
        }

        /** The frame's aggregate results for the i-th row (a row of the calls' results). */
        Row resultsAt(int i) throws Exception {
            int n = rows.size();
            int lo = frame.start() == null ? 0 : bound(i, frame.start(), true);
            int hi = frame.end() == null ? n : bound(i, frame.end(), false);
            if (hi < lo) {
                hi = lo; // an empty frame: the aggregates of no rows
            }
            if (results != null && lo == from && hi == to) {
                return results;
            }
            if (acc == null || lo != from || hi < to) {
                acc = frame.accumulators().create();
                to = lo;
            }
            for (int j = to; j < hi; j++) {
                frame.accumulators().accumulate(acc, rows.get(j));
            }
            from = lo;
            to = hi;
            results = frame.accumulators().output(RowKind.INSERT, NO_KEY, acc);
            return results;
        }

        /** Where the frame of row i starts (inclusive, {@code start}) or ends (exclusive), in [0, n]. */
        private int bound(int i, BigDecimal offset, boolean start) {
            int n = rows.size();
            if (frame.rows()) {
                long at = i + (start ? rowsStart : rowsEnd + 1);
                return (int) Math.max(0, Math.min(n, at));
            }
            if (offset.signum() == 0) {
                return start ? peersStart[i] : peersEnd[i];
            }
            Object value = rows.get(i).getField(orderField);
            if (value == null) {
                return start ? peersStart[i] : peersEnd[i];
            }
            BigDecimal limit = position(value).add(offset);
            // the first row, in ascending positions, at or past the limit (start) or past it (end)
            int lo = nonNullFrom;
            int hi = nonNullTo;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int compared = positions[mid].compareTo(limit);
                if (start ? compared < 0 : compared <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** A value's place on the RANGE axis: ascending in the sorted order (a descending order negated). */
        private BigDecimal position(Object value) {
            BigDecimal position = rangeValue(value);
            return descending ? position.negate() : position;
        }
    }

    /** An ORDER BY value as a number for RANGE offsets: numbers as they are, times in ms. */
    public static BigDecimal rangeValue(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof LocalDate date) {
            return BigDecimal.valueOf(date.toEpochDay() * 86_400_000L);
        }
        if (value instanceof LocalTime time) {
            return BigDecimal.valueOf(time.toNanoOfDay() / 1_000_000L);
        }
        return BigDecimal.valueOf(WindowTableFunction.rowtimeMillis(value));
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
