package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.MapFunction;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.SupportsOverwrite;
import io.weir.sql.connectors.SupportsWritingMetadata;
import io.weir.sql.connectors.TableFactories;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.types.LogicalType;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Writes an INSERT's rows into its table's connector: checks that the sink takes the rows' change
 * kinds (an upsert sink gets no {@code -U}), keeps the persisted columns only (computed and virtual
 * metadata columns are not written, as in Flink), and hands the non-virtual metadata columns' values
 * to a sink that {@link SupportsWritingMetadata} after the physical columns.
 */
final class TableSinks {

    private TableSinks() {
    }

    /**
     * @param rowType the INSERT's row: every column of the table, in the table's order
     * @param target the INSERT as resolved before validation (OPTIONS hints, OVERWRITE)
     * @return for INSERT OVERWRITE what replaces the old rows once the job has finished; else null
     */
    static SupportsOverwrite.Replacement write(SourceTable table, InsertTargets.Target target, ChangelogStream rows, RelDataType rowType,
            int parallelism) {
        String name = table.identifier().asSummaryString();
        CatalogTable catalogTable = target == null ? table.catalogTable() : target.withOptions(table.catalogTable());
        boolean overwrite = target != null && target.overwrite();
        List<Column> columns = catalogTable.schema().columns();
        List<Integer> physical = new ArrayList<>();
        List<Integer> metadata = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.kind() == Column.Kind.PHYSICAL) {
                physical.add(i);
            } else if (column.isPersisted()) {
                metadata.add(i);
            }
        }
        TableFactory factory = TableFactories.find(name, catalogTable);
        int[] physicalFields = physical.stream().mapToInt(Integer::intValue).toArray();
        // The sink sees the table's column names, not the query's (an INSERT ... VALUES names them EXPR$0, ...):
        // formats that write names (Avro, Parquet, JSON) write the table's.
        io.weir.api.types.RowTypeInfo queryType = RowTypes.of(rowType, physicalFields);
        TableFactory.Context context = new TableFactory.Context(table.identifier(), catalogTable,
                new io.weir.api.types.RowTypeInfo(queryType.getFieldTypes(),
                        physical.stream().map(i -> columns.get(i).name()).toArray(String[]::new)), parallelism);
        DataStream<Row> written = acceptedKinds(table, factory, context, rows);
        List<String> keys = metadata.isEmpty() ? List.of() : metadataKeys(name, factory, context, columns, metadata);
        if (physical.size() + metadata.size() != columns.size() || !metadata.isEmpty()) {
            int[] fields = new int[physical.size() + keys.size()];
            for (int i = 0; i < physical.size(); i++) {
                fields[i] = physical.get(i);
            }
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                fields[physical.size() + i] = metadata.stream().filter(m -> columns.get(m).metadataKey().equals(key))
                        .findFirst().orElseThrow();
            }
            written = written.map(new Project(fields), RowTypes.of(rowType, fields)).setParallelism(written.getParallelism())
                    .name("Persisted columns");
        }
        if (overwrite) {
            if (!(factory instanceof SupportsOverwrite overwriting)) {
                throw StatementPlaces.error(Subject.sink(), "INSERT OVERWRITE " + name + ": connector '" + factory.factoryIdentifier()
                        + "' cannot overwrite its rows (in Weir the 'filesystem' connector can); use INSERT INTO");
            }
            if (!keys.isEmpty()) {
                throw StatementPlaces.error(Subject.sink(), "INSERT OVERWRITE " + name + ": the table has metadata columns to write, "
                        + "which connector '" + factory.factoryIdentifier() + "' cannot overwrite");
            }
            return overwriting.createOverwritingSink(context, written, target.staticPartitions());
        }
        if (!keys.isEmpty()) {
            ((SupportsWritingMetadata) factory).createSink(context, written, keys);
        } else {
            factory.createSink(context, written);
        }
        return null;
    }

    /** The rows with the change kinds the sink takes; fails naming the node when it takes fewer. */
    private static DataStream<Row> acceptedKinds(SourceTable table, TableFactory factory, TableFactory.Context context,
            ChangelogStream rows) {
        String name = table.identifier().asSummaryString();
        ChangelogMode accepted = factory.sinkChangelogMode(context);
        DataStream<Row> written = rows.rows();
        for (RowKind kind : rows.mode().getContainedKinds()) {
            if (accepted.contains(kind)) {
                continue;
            }
            if (kind == RowKind.UPDATE_BEFORE && accepted.contains(RowKind.UPDATE_AFTER)) {
                written = upsert(table, written);
                continue;
            }
            throw StatementPlaces.error(Subject.sink(), "Table sink " + name + " (connector '" + factory.factoryIdentifier()
                    + "') takes only " + accepted + " rows, but the query produces " + rows.mode() + " rows: "
                    + rows.updatingNode() + " updates its results. Write to a sink that takes updates (print, "
                    + "blackhole) or make the query append-only (a window aggregate instead of a group aggregate)");
        }
        return written;
    }

    /** An upsert sink finds the old row by the table's primary key, so it is sent no {@code -U} rows. */
    private static DataStream<Row> upsert(SourceTable target, DataStream<Row> rows) {
        if (target.catalogTable().schema().primaryKey().isEmpty()) {
            throw StatementPlaces.error(Subject.sink(), "Table sink " + target.identifier().asSummaryString() + " writes updates "
                    + "by key but has no PRIMARY KEY; declare one, e.g. PRIMARY KEY (id) NOT ENFORCED");
        }
        return rows.filter(row -> row.getKind() != RowKind.UPDATE_BEFORE).setParallelism(rows.getParallelism())
                .name("DropUpdateBefore");
    }

    /** The distinct keys of the persisted metadata columns, each checked against the writable ones. */
    private static List<String> metadataKeys(String name, TableFactory factory, TableFactory.Context context,
            List<Column> columns, List<Integer> metadata) {
        if (!(factory instanceof SupportsWritingMetadata writing)) {
            Column column = columns.get(metadata.get(0));
            // Flink's words (DynamicSinkUtils), then the column and the fix.
            throw StatementPlaces.error(Subject.sink(), "Table '" + name + "' declares persistable metadata columns, but the "
                    + "underlying DynamicTableSink doesn't implement the SupportsWritingMetadata interface. If the column "
                    + "should not be persisted, it can be declared with the VIRTUAL keyword. Here: metadata column '"
                    + column.name() + "' (key '" + column.metadataKey() + "') cannot be written by connector '"
                    + factory.factoryIdentifier() + "'; declare it `" + column.name() + " " + column.type() + " METADATA"
                    + (column.metadataKey().equals(column.name()) ? "" : " FROM '" + column.metadataKey() + "'")
                    + " VIRTUAL`");
        }
        Map<String, LogicalType> writable = writing.listWritableMetadata(context);
        List<String> keys = new ArrayList<>();
        for (int index : metadata) {
            Column column = columns.get(index);
            String key = column.metadataKey();
            LogicalType type = writable.get(key);
            if (type == null) {
                throw StatementPlaces.error(Subject.sink(), "Table " + name + ": metadata column '" + column.name() + "' writes key '"
                        + key + "', which connector '" + factory.factoryIdentifier() + "' cannot write; its writable keys are "
                        + writable.keySet() + ". Declare the column VIRTUAL if it is only read");
            }
            if (type.root() != column.type().root()) {
                throw StatementPlaces.error(Subject.sink(), "Table " + name + ": metadata column '" + column.name() + "' is "
                        + column.type() + ", but connector '" + factory.factoryIdentifier() + "' writes key '" + key
                        + "' as " + type + "; declare the column as " + type.copy(true));
            }
            if (keys.contains(key)) {
                throw StatementPlaces.error(Subject.sink(), "Table " + name + ": two persisted metadata columns write key '" + key
                        + "'; declare all but one of them VIRTUAL");
            }
            keys.add(key);
        }
        return keys;
    }

    /** Keeps the fields at the given positions. */
    private static final class Project implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        private final int[] fields;

        Project(int[] fields) {
            this.fields = fields;
        }

        @Override
        public Row map(Row in) {
            Row out = Row.withPositions(in.getKind(), fields.length);
            for (int i = 0; i < fields.length; i++) {
                out.setField(i, in.getField(fields[i]));
            }
            return out;
        }
    }
}
