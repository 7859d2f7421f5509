package io.weir.connector.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.connector.sink.Committer.CommitRequest;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committer's exactly-once step on its own, against a real HadoopCatalog: a committable that
 * went through a checkpoint (serialized and read back) and was committed is skipped when a restored
 * job's committer commits it again, and its rows are in the table once.
 */
class IcebergCommitterTest {
    @TempDir
    Path dir;

    @Test
    void aCommittableCommittedBeforeARestoreIsNotCommittedAgain() throws Exception {
        CatalogLoader loader = CatalogLoader.hadoop("weir", Map.of("warehouse", dir.toUri().toString()));
        TableIdentifier id = TableIdentifier.of("db", "restored");
        Schema schema = new Schema(org.apache.iceberg.types.Types.NestedField.required(1, "id",
                org.apache.iceberg.types.Types.IntegerType.get()));
        Catalog catalog = loader.loadCatalog();
        catalog.createTable(id, schema, PartitionSpec.unpartitioned());

        RowTypeInfo rowType = (RowTypeInfo) Types.ROW_NAMED(new String[] {"id"}, Types.INT);
        IcebergSinkWriter writer = new IcebergSinkWriter(TableLoader.fromCatalog(loader, id),
                RowConverter.check("db.restored", schema, rowType.getFieldNames(), rowType.getFieldTypes()), List.of(), 0, 0);
        writer.write(Row.of(1), null);
        writer.write(Row.of(2), null);
        IcebergCommittable prepared = writer.prepareCommit().iterator().next();
        writer.close();
        IcebergCommittable.Serializer serializer = new IcebergCommittable.Serializer();
        IcebergCommittable checkpointed = serializer.deserialize(serializer.getVersion(), serializer.serialize(prepared));

        RecordingRequest first = new RecordingRequest(checkpointed);
        try (IcebergCommitter committer = new IcebergCommitter(TableLoader.fromCatalog(loader, id), 0)) {
            committer.commit(List.of(first));
        }
        RecordingRequest again = new RecordingRequest(checkpointed);
        try (IcebergCommitter restored = new IcebergCommitter(TableLoader.fromCatalog(loader, id), 0)) {
            restored.commit(List.of(again));
        }

        assertEquals(List.of(), first.signals);
        assertEquals(List.of("already committed"), again.signals);
        Table table = catalog.loadTable(id);
        List<Integer> ids = new ArrayList<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
            rows.forEach(r -> ids.add((Integer) r.getField("id")));
        }
        assertEquals(List.of(1, 2), ids.stream().sorted().toList());
        int snapshots = 0;
        for (var ignored : table.snapshots()) {
            snapshots++;
        }
        assertEquals(1, snapshots);
        ((AutoCloseable) catalog).close();
    }

    /** A commit request as the sink's operator hands it over, recording how its commit ended. */
    private static final class RecordingRequest implements CommitRequest<IcebergCommittable> {
        private final IcebergCommittable committable;
        private final Collection<String> signals = new ArrayList<>();

        RecordingRequest(IcebergCommittable committable) {
            this.committable = committable;
        }

        @Override
        public IcebergCommittable getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return 0;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            signals.add("failed: " + t);
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            signals.add("failed: " + t);
        }

        @Override
        public void retryLater() {
            signals.add("retry");
        }

        @Override
        public void updateAndRetryLater(IcebergCommittable updated) {
            signals.add("retry");
        }

        @Override
        public void signalAlreadyCommitted() {
            signals.add("already committed");
        }
    }
}
