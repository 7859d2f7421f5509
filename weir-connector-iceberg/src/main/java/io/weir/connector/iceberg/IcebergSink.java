package io.weir.connector.iceberg;

import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;

/**
 * Writes a stream of {@link Row}s into an Iceberg table as Parquet data files, committed once per
 * completed checkpoint, exactly once (see {@link IcebergCommitter}). As Flink's
 * {@code IcebergSink.forRowData(stream).tableLoader(...).append()}:
 *
 * <pre>{@code
 * IcebergSink.forRow(rows)
 *     .tableLoader(TableLoader.fromCatalog(CatalogLoader.jdbc("cat", props), TableIdentifier.of("db", "t")))
 *     .upsert(true).equalityFieldColumns(List.of("id"))
 *     .append();
 * }</pre>
 *
 * <p>The rows' type must be a {@link RowTypeInfo} with field names: fields are matched to the
 * table's columns by name, checked when {@link Builder#append()} builds the job.
 *
 * <p>Each sink subtask commits its own files: a checkpoint yields one snapshot per subtask that
 * wrote rows since the previous one (one in all with {@code writeParallelism(1)}).
 */
public final class IcebergSink implements Sink<Row>, SupportsCommitter<IcebergCommittable> {
    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final String[] fieldNames;
    private final TypeInformation<?>[] fieldTypes;
    private final List<String> upsertKey;

    private IcebergSink(TableLoader tableLoader, RowTypeInfo rowType, List<String> upsertKey) {
        this.tableLoader = tableLoader;
        this.fieldNames = rowType.getFieldNames();
        this.fieldTypes = rowType.getFieldTypes();
        this.upsertKey = List.copyOf(upsertKey);
    }

    /** Starts a sink for this stream of rows. */
    public static Builder forRow(DataStream<Row> input) {
        return new Builder(input);
    }

    @Override
    public SinkWriter<Row> createWriter(WriterInitContext context) {
        TableLoader loader = tableLoader.copy();
        // checked again against the table as it is now: its schema may have changed since the job was built
        RowConverter converter = RowConverter.check(loader.toString(), loader.loadTable().schema(), fieldNames, fieldTypes);
        return new IcebergSinkWriter(loader, converter, upsertKey, context.getTaskInfo().getIndexOfThisSubtask(),
                context.getTaskInfo().getAttemptNumber());
    }

    @Override
    public Committer<IcebergCommittable> createCommitter(CommitterInitContext context) {
        return new IcebergCommitter(tableLoader.copy(), context.getTaskInfo().getIndexOfThisSubtask());
    }

    @Override
    public SimpleVersionedSerializer<IcebergCommittable> getCommittableSerializer() {
        return new IcebergCommittable.Serializer();
    }

    static int[] fieldIds(Schema schema, List<String> columns) {
        return columns.stream().mapToInt(name -> schema.caseInsensitiveFindField(name).fieldId()).toArray();
    }

    /** Configures and adds an {@link IcebergSink}. */
    public static final class Builder {
        private final DataStream<Row> input;
        private TableLoader tableLoader;
        private boolean upsert;
        private List<String> equalityFieldColumns = List.of();
        private Integer writeParallelism;

        private Builder(DataStream<Row> input) {
            this.input = input;
        }

        /** The table to write (required). */
        public Builder tableLoader(TableLoader tableLoader) {
            this.tableLoader = tableLoader;
            return this;
        }

        /** The key of upsert mode: each row replaces the table's row with the same values in these columns. */
        public Builder equalityFieldColumns(List<String> columns) {
            this.equalityFieldColumns = List.copyOf(columns);
            return this;
        }

        /** Upsert mode: {@code +I}/{@code +U} rows replace, {@code -D} rows delete the row of their key. */
        public Builder upsert(boolean enabled) {
            this.upsert = enabled;
            return this;
        }

        /** The sink's parallelism; the environment's when not set. */
        public Builder writeParallelism(int parallelism) {
            this.writeParallelism = parallelism;
            return this;
        }

        /**
         * Checks the rows and options against the table and adds the sink to the stream.
         *
         * @throws IllegalArgumentException saying what does not fit and what to do
         */
        public DataStreamSink<Row> append() {
            if (tableLoader == null) {
                throw new IllegalArgumentException("IcebergSink needs the table: call tableLoader(TableLoader.fromCatalog(...))");
            }
            if (!(input.getType() instanceof RowTypeInfo rowType)) {
                throw new IllegalArgumentException("IcebergSink matches row fields to the columns of " + tableLoader
                        + " by name, but the stream's type " + input.getType() + " has no field names; give the stream a "
                        + "RowTypeInfo with names (returns(Types.ROW_NAMED(...)))");
            }
            Table table = checkedTable(rowType);
            List<String> key = upsert ? keyColumns(table) : List.of();
            IcebergSink sink = new IcebergSink(tableLoader, rowType, key);
            // upsert: every change of a key to one subtask, in order (see UpsertKeySelector)
            DataStream<Row> rows = key.isEmpty() ? input
                    : input.keyBy(new UpsertKeySelector(rowType.getFieldNames(), key), Types.STRING);
            DataStreamSink<Row> added = rows.sinkTo(sink).name("IcebergSink " + tableLoader.identifier());
            if (writeParallelism != null) {
                added.setParallelism(writeParallelism);
            }
            return added;
        }

        private Table checkedTable(RowTypeInfo rowType) {
            TableLoader loader = tableLoader.copy();
            try (loader) {
                Table table = loader.loadTable();
                RowConverter.check(tableLoader.toString(), table.schema(), rowType.getFieldNames(), rowType.getFieldTypes());
                return table;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Upsert's key: named on the builder, else the table's identifier fields; it must hold the partition columns. */
        private List<String> keyColumns(Table table) {
            Schema schema = table.schema();
            List<String> key = equalityFieldColumns.isEmpty() ? new ArrayList<>(schema.identifierFieldNames())
                    : equalityFieldColumns;
            if (key.isEmpty()) {
                throw new IllegalArgumentException("Upsert into Iceberg table " + tableLoader + " needs a key: call "
                        + "equalityFieldColumns(List.of(\"id\")), or give the table identifier fields");
            }
            for (String column : key) {
                if (schema.caseInsensitiveFindField(column) == null) {
                    throw new IllegalArgumentException("Upsert key column '" + column + "' is not a column of Iceberg table "
                            + tableLoader + "; its columns are " + columnNames(schema));
                }
            }
            for (PartitionField partition : table.spec().fields()) {
                String source = schema.findColumnName(partition.sourceId());
                if (key.stream().noneMatch(source::equalsIgnoreCase)) {
                    throw new IllegalArgumentException("Upsert into Iceberg table " + tableLoader + " is partitioned by '"
                            + source + "', which is not in the key " + key + "; add it to the key (an update could "
                            + "otherwise move a row to another partition and leave the old one behind)");
                }
            }
            return key;
        }

        private static List<String> columnNames(Schema schema) {
            return schema.columns().stream().map(org.apache.iceberg.types.Types.NestedField::name).toList();
        }
    }
}
