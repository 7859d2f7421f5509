package io.weir.connector.iceberg;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.List;

/**
 * One parallel writer of an {@link IcebergSink}: writes its rows into data (and delete) files and,
 * before each checkpoint's barrier leaves it, emits what it wrote since the previous one to the
 * {@link IcebergFilesCommitter} (as Flink's {@code IcebergStreamWriter}). The files are emitted
 * before the barrier, so the committer holds them in the same checkpoint; a writer keeps no state
 * of its own: a restored writer starts new files, and those of the failed attempt that were never
 * emitted stay out of the table.
 *
 * <p>Emits each {@link IcebergCommittable} serialized (version and bytes, see
 * {@link IcebergCommittable#toMessage}).
 *
 * <p>Threading: the task's thread only.
 */
final class IcebergStreamWriter extends AbstractStreamOperator<byte[]> implements OneInputStreamOperator<Row, byte[]>,
        BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final String[] fieldNames;
    private final TypeInformation<?>[] fieldTypes;
    private final List<String> upsertKey;
    private transient IcebergSinkWriter writer;

    IcebergStreamWriter(TableLoader tableLoader, String[] fieldNames, TypeInformation<?>[] fieldTypes,
            List<String> upsertKey) {
        this.tableLoader = tableLoader;
        this.fieldNames = fieldNames;
        this.fieldTypes = fieldTypes;
        this.upsertKey = List.copyOf(upsertKey);
    }

    @Override
    public void open() throws Exception {
        super.open();
        TableLoader loader = tableLoader.copy();
        // checked again against the table as it is now: its schema may have changed since the job was built
        RowConverter converter = RowConverter.check(loader.toString(), loader.loadTable().schema(), fieldNames, fieldTypes);
        writer = new IcebergSinkWriter(loader, converter, upsertKey,
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getAttemptNumber());
    }

    @Override
    public void processElement(StreamRecord<Row> element) throws Exception {
        writer.write(element.getValue(), null);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        emitWrittenFiles();
    }

    @Override
    public void endInput() throws Exception {
        emitWrittenFiles();
    }

    private void emitWrittenFiles() throws Exception {
        for (IcebergCommittable files : writer.prepareCommit()) {
            getOutput().collect(new StreamRecord<>(files.toMessage()));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            super.close();
        }
    }
}
