package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.types.Row;
import io.weir.sql.catalog.Column;
import io.weir.sql.connectors.SupportsReadingMetadata;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.types.LogicalType;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Reads a table with {@code METADATA} columns: asks the connector ({@link SupportsReadingMetadata})
 * for its readable keys, checks each column's key and type against them, reads the physical columns
 * followed by the distinct keys, and puts the values into the columns' declaration order.
 */
final class MetadataColumns {

    private MetadataColumns() {
    }

    /**
     * @param producedFields the table's physical and metadata columns, as indexes into {@code columns}
     * @return rows of those columns, in that order
     */
    static DataStream<Row> read(String table, TableFactory factory, TableFactory.Context context,
            StreamExecutionEnvironment env, List<Column> columns, RelDataType scanType, int[] producedFields) {
        if (!(factory instanceof SupportsReadingMetadata reading)) {
            Column column = columns.stream().filter(c -> c.kind() == Column.Kind.METADATA).findFirst().orElseThrow();
            throw StatementPlaces.error(Subject.table(table), "Table " + table + " has metadata column '" + column.name() + "', but connector '"
                    + factory.factoryIdentifier() + "' has no metadata to read; remove the column (docs/sql.md lists the "
                    + "connectors' metadata keys)");
        }
        Map<String, LogicalType> readable = reading.listReadableMetadata(context);
        int physicalCount = (int) columns.stream().filter(c -> c.kind() == Column.Kind.PHYSICAL).count();
        List<String> keys = new ArrayList<>();
        int[] sourceIndex = new int[producedFields.length];
        int physicalSeen = 0;
        for (int i = 0; i < producedFields.length; i++) {
            Column column = columns.get(producedFields[i]);
            if (column.kind() == Column.Kind.PHYSICAL) {
                sourceIndex[i] = physicalSeen++;
                continue;
            }
            String key = column.metadataKey();
            LogicalType type = readable.get(key);
            if (type == null) {
                throw StatementPlaces.error(Subject.table(table), "Table " + table + ": metadata column '" + column.name() + "' reads key '"
                        + key + "', which connector '" + factory.factoryIdentifier() + "' does not have; its readable "
                        + "keys are " + readable.keySet() + (key.equals(column.name()) ? " (name one with METADATA FROM 'key')" : ""));
            }
            if (type.root() != column.type().root()) {
                throw StatementPlaces.error(Subject.table(table), "Table " + table + ": metadata column '" + column.name() + "' is "
                        + column.type() + ", but connector '" + factory.factoryIdentifier() + "' reads key '" + key
                        + "' as " + type + "; declare the column as " + type.copy(true));
            }
            int at = keys.indexOf(key);
            if (at < 0) {
                at = keys.size();
                keys.add(key);
            }
            sourceIndex[i] = physicalCount + at;
        }
        DataStream<Row> rows = reading.createSource(context, env, List.copyOf(keys));
        return rows.map(new Reorder(sourceIndex), RowTypes.of(scanType, producedFields))
                .setParallelism(rows.getParallelism()).name("Metadata columns");
    }

    /** Puts each field where its column is declared. */
    private static final class Reorder implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        private final int[] sourceIndex;

        Reorder(int[] sourceIndex) {
            this.sourceIndex = sourceIndex;
        }

        @Override
        public Row map(Row in) {
            Row out = Row.withPositions(in.getKind(), sourceIndex.length);
            for (int i = 0; i < sourceIndex.length; i++) {
                out.setField(i, in.getField(sourceIndex[i]));
            }
            return out;
        }
    }
}
