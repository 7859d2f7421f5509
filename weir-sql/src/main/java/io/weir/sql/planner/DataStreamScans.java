package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.CompositeType;
import io.weir.api.types.FieldAccessor;
import io.weir.api.types.FieldAccessors;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.runtime.DataStreamRows;
import io.weir.sql.runtime.ChangelogNormalize;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.types.LogicalTypeRoot;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
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
    /**
     * The option of a changelog stream's table ({@code fromChangelogStream}): the kinds its rows
     * have, as {@code ChangelogMode.toString()} writes them ({@code [+I, +U, -D]}); absent for an
     * insert-only stream.
     */
    public static final String CHANGELOG_MODE_OPTION = "datastream.changelog-mode";
    /** The column of a stream of single values (not a tuple, row, record or POJO), as in Flink. */
    public static final String ATOMIC_FIELD = "f0";

    private DataStreamScans() {
    }

    static boolean isDataStreamTable(CatalogTable table) {
        return CONNECTOR.equals(table.options().get("connector"));
    }

    /** The kinds of the table's rows: all its stream carries after {@link #rows} normalized an upsert stream. */
    static ChangelogMode changelogMode(CatalogTable table) {
        ChangelogMode mode = declaredMode(table);
        return isUpsert(mode) ? ChangelogMode.all() : mode;
    }

    private static ChangelogMode declaredMode(CatalogTable table) {
        String kinds = table.options().get(CHANGELOG_MODE_OPTION);
        if (kinds == null) {
            return ChangelogMode.insertOnly();
        }
        java.util.EnumSet<RowKind> set = java.util.EnumSet.noneOf(RowKind.class);
        for (RowKind kind : RowKind.values()) {
            if (kinds.contains(kind.shortString())) {
                set.add(kind);
            }
        }
        return ChangelogMode.of(set);
    }

    /** An upsert stream: updates without {@code -U}, which need the old row found by key. */
    private static boolean isUpsert(ChangelogMode mode) {
        return mode.contains(RowKind.UPDATE_AFTER) && !mode.contains(RowKind.UPDATE_BEFORE);
    }

    /** The rows of the table's physical and metadata columns, {@code produced}, in that order. */
    static DataStream<Row> rows(SourceTable table, RelDataType scanType, int[] produced, SessionCatalogs catalogs) {
        String id = table.catalogTable().options().get(ID_OPTION);
        DataStream<?> stream = id == null ? null : catalogs.dataStream(id);
        if (stream == null) {
            throw StatementPlaces.error(Subject.table(table.identifier().asSummaryString()), "Table " + table.identifier().asSummaryString() + " names connector '"
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
        ChangelogMode mode = declaredMode(table.catalogTable());
        RowTypeInfo rowType = RowTypes.of(scanType, produced);
        DataStream<Row> rows = stream.process(new DataStreamRows<>(fields, rowtimeField, rowtimeLtz, rowtimeColumn,
                        !mode.isInsertOnly()), rowType)
                .setParallelism(stream.getParallelism()).name(mode.isInsertOnly() ? "FromDataStream" : "FromChangelogStream");
        if (!isUpsert(mode)) {
            return rows;
        }
        List<String> primaryKey = table.catalogTable().schema().primaryKey();
        int[] key = new int[primaryKey.size()];
        for (int k = 0; k < key.length; k++) {
            for (int i = 0; i < produced.length; i++) {
                if (columns.get(produced[i]).name().equals(primaryKey.get(k))) {
                    key[k] = i;
                }
            }
        }
        io.weir.api.types.TypeInformation<?>[] keyTypes = new io.weir.api.types.TypeInformation<?>[key.length];
        String[] keyNames = new String[key.length];
        for (int k = 0; k < key.length; k++) {
            keyTypes[k] = rowType.getTypeAt(key[k]);
            keyNames[k] = rowType.getFieldNames()[key[k]];
        }
        return rows.keyBy(new KeyProjection(key), new RowTypeInfo(keyTypes, keyNames))
                .process(new ChangelogNormalize(rowType), rowType).name("ChangelogNormalize");
    }
}
