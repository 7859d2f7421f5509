package io.weir.connector.iceberg;

import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.PartitionedFanoutWriter;
import org.apache.iceberg.io.TaskWriter;
import org.apache.iceberg.io.UnpartitionedWriter;
import org.apache.iceberg.io.WriteResult;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.util.PropertyUtil;

/**
 * Writes one subtask's rows into Parquet data files of the table (one open file per partition)
 * and, at each checkpoint, closes them and hands them over as one {@link IcebergCommittable}. The
 * files stay invisible until the committer adds them to a snapshot; the files of an attempt that
 * failed before its checkpoint completed are never added (Iceberg's orphan-file removal deletes
 * them).
 *
 * <p>In upsert mode each {@code +I}/{@code +U} row replaces the row of its key and each {@code -D}
 * row deletes it (equality deletes); {@code -U} rows are skipped. In append mode only {@code +I}
 * and {@code +U} rows are accepted.
 *
 * <p>Threading: the sink's task thread only.
 */
final class IcebergSinkWriter implements CommittingSinkWriter<Row, IcebergCommittable> {
    private final TableLoader tableLoader;
    private final Table table;
    private final RowConverter converter;
    private final Schema keySchema;
    private final GenericFileWriterFactory files;
    private final OutputFileFactory fileNames;
    private final long targetFileSize;
    private TaskWriter<Record> current;

    IcebergSinkWriter(TableLoader tableLoader, RowConverter converter, List<String> upsertKey, int subtask, int attempt) {
        this.tableLoader = tableLoader;
        this.table = tableLoader.loadTable();
        this.converter = converter;
        Schema schema = table.schema();
        this.keySchema = upsertKey.isEmpty() ? null : TypeUtil.select(schema,
                java.util.Arrays.stream(IcebergSink.fieldIds(schema, upsertKey)).boxed().collect(java.util.stream.Collectors.toSet()));
        GenericFileWriterFactory.Builder builder = new GenericFileWriterFactory.Builder(table)
                .dataFileFormat(FileFormat.PARQUET).dataSchema(schema).deleteFileFormat(FileFormat.PARQUET);
        if (keySchema != null) {
            builder.equalityFieldIds(keySchema.columns().stream().mapToInt(c -> c.fieldId()).toArray())
                    .equalityDeleteRowSchema(keySchema);
        }
        this.files = builder.build();
        // a fresh operation id per writer: a restarted attempt never writes over a file of the failed one
        this.fileNames = OutputFileFactory.builderFor(table, subtask, attempt).format(FileFormat.PARQUET)
                .operationId(UUID.randomUUID().toString()).build();
        this.targetFileSize = PropertyUtil.propertyAsLong(table.properties(),
                TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    }

    @Override
    public void write(Row row, Context context) throws IOException {
        RowKind kind = row.getKind();
        if (keySchema == null) {
            if (kind == RowKind.DELETE || kind == RowKind.UPDATE_BEFORE) {
                throw new IOException("Iceberg sink of table " + tableLoader.identifier() + " is in append mode but got a "
                        + kind.shortString() + " row " + row + "; write changelogs in upsert mode (upsert(true) and "
                        + "equalityFieldColumns(key) on the builder, 'write.upsert.enabled' = 'true' with a PRIMARY KEY in SQL)");
            }
            writer().write(converter.toRecord(row));
            return;
        }
        switch (kind) {
            case INSERT, UPDATE_AFTER -> ((UpsertTaskWriter) writer()).upsert(converter.toRecord(row));
            case DELETE -> ((UpsertTaskWriter) writer()).delete(converter.toRecord(row));
            case UPDATE_BEFORE -> { } // the +U that follows replaces the row by its key
        }
    }

    @Override
    public void flush(boolean endOfInput) {
        // files are closed in prepareCommit; rows in an open file are in the checkpoint's committable
    }

    @Override
    public Collection<IcebergCommittable> prepareCommit() throws IOException {
        if (current == null) {
            return List.of();
        }
        WriteResult result = current.complete();
        current = null;
        IcebergCommittable committable = new IcebergCommittable(UUID.randomUUID().toString(), result);
        return committable.isEmpty() ? List.of() : List.of(committable);
    }

    private TaskWriter<Record> writer() {
        if (current == null) {
            Schema schema = table.schema();
            if (keySchema != null) {
                current = new UpsertTaskWriter(table.spec(), schema, keySchema, files, fileNames, table.io(), targetFileSize);
            } else if (table.spec().isUnpartitioned()) {
                current = new UnpartitionedWriter<>(table.spec(), FileFormat.PARQUET, files, fileNames, table.io(),
                        targetFileSize);
            } else {
                current = new PartitionedAppendWriter(table, files, fileNames, targetFileSize);
            }
        }
        return current;
    }

    @Override
    public void close() throws Exception {
        try {
            if (current != null) {
                current.abort(); // not handed over: these files would never be committed
            }
        } finally {
            tableLoader.close();
        }
    }

    /** Appends to one open file per partition. */
    private static final class PartitionedAppendWriter extends PartitionedFanoutWriter<Record> {
        private final PartitionKey partitionKey;
        private final InternalRecordWrapper wrapper;

        PartitionedAppendWriter(Table table, GenericFileWriterFactory files, OutputFileFactory fileNames, long targetFileSize) {
            super(table.spec(), FileFormat.PARQUET, files, fileNames, table.io(), targetFileSize);
            this.partitionKey = new PartitionKey(table.spec(), table.schema());
            this.wrapper = new InternalRecordWrapper(table.schema().asStruct());
        }

        @Override
        protected PartitionKey partition(Record record) {
            partitionKey.partition(wrapper.wrap(record));
            return partitionKey;
        }
    }
}
