package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.types.FieldAccessor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.time.Instant;

/**
 * The rows of a table made from a DataStream: each record becomes one {@code +I} row (for
 * {@code fromChangelogStream}, a row of the record's kind) of the
 * fields its accessors read, with the record's timestamp in the rowtime column (as
 * {@code TIMESTAMP_LTZ(3)}, an {@link Instant}, or {@code TIMESTAMP(3)}, its UTC date-time). The
 * record keeps its timestamp, and watermarks pass through, so event-time operators downstream fire
 * on the stream's own watermarks ({@code SOURCE_WATERMARK()}).
 */
public final class DataStreamRows<T> extends ProcessFunction<T, Row> {

    private static final long serialVersionUID = 1L;

    private final FieldAccessor<T, ?>[] fields;
    private final int rowtimeField;
    private final boolean rowtimeLtz;
    private final String rowtimeColumn;
    /** Whether the records are Rows whose kinds the table keeps ({@code fromChangelogStream}). */
    private final boolean changelog;

    /**
     * @param fields one accessor per column, null at {@code rowtimeField}
     * @param rowtimeField the column holding the record's timestamp, or -1
     * @param rowtimeLtz whether that column is {@code TIMESTAMP_LTZ(3)} (else {@code TIMESTAMP(3)})
     */
    public DataStreamRows(FieldAccessor<T, ?>[] fields, int rowtimeField, boolean rowtimeLtz, String rowtimeColumn) {
        this(fields, rowtimeField, rowtimeLtz, rowtimeColumn, false);
    }

    /** @param changelog whether each record is a {@link Row} whose kind the table row keeps */
    public DataStreamRows(FieldAccessor<T, ?>[] fields, int rowtimeField, boolean rowtimeLtz, String rowtimeColumn,
            boolean changelog) {
        this.changelog = changelog;
        this.fields = fields.clone();
        this.rowtimeField = rowtimeField;
        this.rowtimeLtz = rowtimeLtz;
        this.rowtimeColumn = rowtimeColumn;
    }

    @Override
    public void processElement(T value, Context ctx, Collector<Row> out) {
        Row row = new Row(changelog ? ((Row) value).getKind() : RowKind.INSERT, fields.length);
        for (int i = 0; i < fields.length; i++) {
            if (i == rowtimeField) {
                row.setField(i, rowtime(ctx.timestamp(), value));
            } else {
                row.setField(i, fields[i].get(value));
            }
        }
        out.collect(row);
    }

    private Object rowtime(Long timestamp, T value) {
        if (timestamp == null) {
            throw new IllegalStateException("fromDataStream: record " + value + " has no timestamp, but the table's "
                    + "column '" + rowtimeColumn + "' reads the record's timestamp (columnByMetadata \"rowtime\"). "
                    + "Give the stream timestamps first: stream.assignTimestampsAndWatermarks(...)");
        }
        return rowtimeLtz ? Instant.ofEpochMilli(timestamp) : WindowTableFunction.toTimestamp(timestamp);
    }
}
