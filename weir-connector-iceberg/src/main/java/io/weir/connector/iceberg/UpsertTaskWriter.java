package io.weir.connector.iceberg;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.BaseTaskWriter;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileWriterFactory;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Writes a changelog by key: {@link #upsert} replaces the row of the record's key, {@link #delete}
 * removes it. Each partition gets Iceberg's equality-delta writer, which writes an equality delete
 * of the key (for rows of earlier snapshots) and, for a key written earlier in the same batch, a
 * position delete of that row. The key must contain the partition's source columns, so a key
 * never moves between partitions (checked by the sink's builder).
 *
 * <p>Threading: the sink writer's task thread only.
 */
final class UpsertTaskWriter extends BaseTaskWriter<Record> {
    private final Schema schema;
    private final Schema keySchema;
    private final PartitionKey partitionKey;
    private final InternalRecordWrapper partitionWrapper;
    private final Map<PartitionKey, DeltaWriter> writers = new HashMap<>();

    UpsertTaskWriter(PartitionSpec spec, Schema schema, Schema keySchema, FileWriterFactory<Record> files,
            OutputFileFactory fileNames, FileIO io, long targetFileSize) {
        super(spec, FileFormat.PARQUET, files, fileNames, io, targetFileSize);
        this.schema = schema;
        this.keySchema = keySchema;
        this.partitionKey = new PartitionKey(spec, schema);
        this.partitionWrapper = new InternalRecordWrapper(schema.asStruct());
    }

    @Override
    public void write(Record record) throws IOException {
        upsert(record);
    }

    /** The record becomes the one row of its key. */
    void upsert(Record record) throws IOException {
        DeltaWriter writer = writerFor(record);
        writer.deleteKey(keyOf(record));
        writer.write(record);
    }

    /** The row of the record's key goes away. */
    void delete(Record record) throws IOException {
        writerFor(record).deleteKey(keyOf(record));
    }

    private DeltaWriter writerFor(Record record) {
        partitionKey.partition(partitionWrapper.wrap(record));
        DeltaWriter writer = writers.get(partitionKey);
        if (writer == null) {
            PartitionKey copy = partitionKey.copy();
            writer = new DeltaWriter(spec().isUnpartitioned() ? null : copy);
            writers.put(copy, writer);
        }
        return writer;
    }

    private Record keyOf(Record record) {
        GenericRecord key = GenericRecord.create(keySchema);
        for (int i = 0; i < keySchema.columns().size(); i++) {
            key.set(i, record.getField(keySchema.columns().get(i).name()));
        }
        return key;
    }

    @Override
    public void close() throws IOException {
        try {
            for (DeltaWriter writer : writers.values()) {
                writer.close();
            }
        } finally {
            writers.clear();
        }
    }

    private final class DeltaWriter extends BaseEqualityDeltaWriter {
        // the delta writer copies the keys it keeps, so one wrapper each can be reused
        private final InternalRecordWrapper rowWrapper = new InternalRecordWrapper(schema.asStruct());
        private final InternalRecordWrapper keyWrapper = new InternalRecordWrapper(keySchema.asStruct());

        DeltaWriter(StructLike partition) {
            super(partition, schema, keySchema);
        }

        @Override
        protected StructLike asStructLike(Record record) {
            return rowWrapper.wrap(record);
        }

        @Override
        protected StructLike asStructLikeKey(Record key) {
            return keyWrapper.wrap(key);
        }
    }
}
