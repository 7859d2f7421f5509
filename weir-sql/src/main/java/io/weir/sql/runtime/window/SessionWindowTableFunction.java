package io.weir.sql.runtime.window;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.metrics.Counter;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import java.util.List;

/**
 * The window table function {@code SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(ts), gap)}: keyed by
 * the partition keys (all rows are one partition without them), it keeps the rows of each open
 * session ({@link OpenSessions}). When the watermark passes a session's end, each of its rows comes
 * out once, with {@code window_start}, {@code window_end} and {@code window_time} of the whole session
 * appended, in the order the rows arrived. Unlike TUMBLE, HOP and CUMULATE, a row's window is known
 * only when its session has ended, so rows wait in state until then. The output is append-only and
 * leaves before the watermark that fired it, so a window aggregate below sees it in time.
 *
 * <p>A row whose time is null is dropped; a row whose session would already have ended at the
 * current watermark is late: dropped and counted in {@code numLateRecordsDropped}.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class SessionWindowTableFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int timeField;
    private final long gap;
    private final RowTypeInfo rowType;
    private transient OpenSessions<List<Row>> sessions;
    private transient Counter lateRowsDropped;

    /**
     * @param timeField the input field the DESCRIPTOR names
     * @param gap the session gap in ms
     * @param rowType the type of input rows, to keep them in state
     */
    public SessionWindowTableFunction(int timeField, long gap, RowTypeInfo rowType) {
        if (gap <= 0) {
            throw new IllegalArgumentException("The session gap must be positive, not " + gap + " ms");
        }
        this.timeField = timeField;
        this.gap = gap;
        this.rowType = rowType;
    }

    @Override
    public void open(OpenContext openContext) {
        sessions = new OpenSessions<>(getRuntimeContext(), gap, OpenSessions.rows(rowType));
        lateRowsDropped = getRuntimeContext().getMetricGroup().counter("numLateRecordsDropped");
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Object time = input.getField(timeField);
        if (time != null && !sessions.add(input, WindowTableFunction.rowtimeMillis(time),
                ctx.timerService())) {
            lateRowsDropped.inc();
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        sessions.fireEnded(timestamp, (start, end, rows) -> {
            for (Row row : rows) {
                out.collect(WindowTableFunction.windowed(row, start, end));
            }
        });
    }
}
