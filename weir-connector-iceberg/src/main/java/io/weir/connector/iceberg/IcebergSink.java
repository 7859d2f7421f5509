package io.weir.connector.iceberg;

import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.datastream.SingleOutputStreamOperator;
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
 * Writes a stream of {@link Row}s into an Iceberg table as Parquet data files, committed as one
 * snapshot per completed checkpoint, exactly once. As Flink's
 * {@code FlinkSink.forRowData(stream).tableLoader(...).append()}:
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
 * <p>The job gets two steps, as with Flink's Iceberg sink: parallel writers
 * ({@link IcebergStreamWriter}, {@code writeParallelism}) that hand their files over before each
 * checkpoint's barrier, and one committer ({@link IcebergFilesCommitter}, parallelism 1) that
 * commits all writers' files of a checkpoint as one snapshot when the checkpoint completes.
 */
public final class IcebergSink {
    private static final TypeInformation<byte[]> FILES =
            io.weir.api.types.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;

    private IcebergSink() {}

    /** Starts a sink for this stream of rows. */
    public static Builder forRow(DataStream<Row> input) {
        return new Builder(input);
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
        public DataStreamSink<Void> append() {
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
            // upsert: every change of a key to one writer, in order (see UpsertKeySelector)
            DataStream<Row> rows = key.isEmpty() ? input
                    : input.keyBy(new UpsertKeySelector(rowType.getFieldNames(), key), Types.STRING);
            SingleOutputStreamOperator<byte[]> written = rows.transform("IcebergStreamWriter " + tableLoader.identifier(),
                    FILES, new IcebergStreamWriter(tableLoader, rowType.getFieldNames(), rowType.getFieldTypes(), key));
            if (writeParallelism != null) {
                written.setParallelism(writeParallelism);
            }
            SingleOutputStreamOperator<Void> committed = written.global()
                    .transform("IcebergFilesCommitter " + tableLoader.identifier(), Types.VOID,
                            new IcebergFilesCommitter(tableLoader))
                    .setParallelism(1).setMaxParallelism(1);
            return committed.sinkTo(new DiscardingSink<>()).name("IcebergSink " + tableLoader.identifier())
                    .setParallelism(1);
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
