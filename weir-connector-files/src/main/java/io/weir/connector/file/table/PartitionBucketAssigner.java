package io.weir.connector.file.table;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.types.Row;
import io.weir.connector.file.sink.BucketAssigner;
import io.weir.connector.file.sink.bucketassigners.SimpleVersionedStringSerializer;

/** Puts each row into its Hive-style partition directory ({@code dt=2026-12-03/hr=10}). */
final class PartitionBucketAssigner implements BucketAssigner<Row, String> {
    private static final long serialVersionUID = 1L;

    private final PartitionLayout layout;

    PartitionBucketAssigner(PartitionLayout layout) {
        this.layout = layout;
    }

    @Override
    public String getBucketId(Row row, Context context) {
        return layout.directoryOf(row);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
