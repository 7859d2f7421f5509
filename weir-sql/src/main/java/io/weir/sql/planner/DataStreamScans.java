package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.CompositeType;
import io.weir.api.types.FieldAccessor;
import io.weir.api.types.FieldAccessors;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.runtime.DataStreamRows;
import io.weir.sql.types.LogicalTypeRoot;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Reads a table made from a DataStream ({@code StreamTableEnvironment.fromDataStream}): the stream's
 * records become rows of the table's physical columns (read by field name) and its rowtime
 * metadata column (the record's timestamp). The table's options name the stream by the id the
 * session keeps it under, in place of a connector.
 */
public final class DataStreamScans {

    /** The {@code connector} option of a DataStream's table. */
    public static final String CONNECTOR = "datastream";
    /** The option holding the id of the stream in {@link SessionCatalogs#dataStream}. */
    public static final String ID_OPTION = "datastream.id";
    /** The one metadata key of a DataStream: the record's timestamp. */
    public static final String ROWTIME_KEY = "rowtime";
    /** The watermark expression that keeps the stream's own watermarks. */
    public static final String SOURCE_WATERMARK = "SOURCE_WATERMARK()";
    /** The column of a stream of single values (not a tuple, row, record or POJO), as in Flink. */
    public static final String ATOMIC_FIELD = "f0";

    private DataStreamScans() {
    }

    static boolean isDataStreamTable(CatalogTable table) {
        return CONNECTOR.equals(table.options().get("connector"));
    }

    /** The rows of the table's physical and metadata columns, {@code produced}, in that order. */
    static DataStream<Row> rows(SourceTable table, RelDataType scanType, int[] produced, SessionCatalogs catalogs) {
        String id = table.catalogTable().options().get(ID_OPTION);
        DataStream<?> stream = id == null ? null : catalogs.dataStream(id);
        if (stream == null) {
            throw new ValidationException("Table " + table.identifier().asSummaryString() + " names connector '"
                    + CONNECTOR + "', which only tables made by StreamTableEnvironment.fromDataStream have; "
                    + "make the table with fromDataStream or createTemporaryView(name, dataStream)");
        }
        return rows(stream, table, scanType, produced);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> DataStream<Row> rows(DataStream<T> stream, SourceTable table, RelDataType scanType,
            int[] produced) {
        List<Column> columns = table.catalogTable().schema().columns();
        TypeInformation<T> type = stream.getType();
        FieldAccessor<T, ?>[] fields = new FieldAccessor[produced.length];
        int rowtimeField = -1;
        boolean rowtimeLtz = false;
        String rowtimeColumn = null;
        for (int i = 0; i < produced.length; i++) {
            Column column = columns.get(produced[i]);
            if (column.kind() == Column.Kind.METADATA) {
                rowtimeField = i;
                rowtimeColumn = column.name();
                rowtimeLtz = column.type().root() == LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
            } else {
                fields[i] = type instanceof CompositeType<?> ? FieldAccessors.forName(type, column.name())
                        : FieldAccessors.forName(type, "*");
            }
        }
        return stream.process(new DataStreamRows<>(fields, rowtimeField, rowtimeLtz, rowtimeColumn),
                        RowTypes.of(scanType, produced))
                .setParallelism(stream.getParallelism()).name("FromDataStream");
    }
}
