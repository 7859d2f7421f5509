package io.weir.connector.file.table;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.types.Row;
import io.weir.api.fs.FSDataOutputStream;
import java.io.IOException;

/** A bulk format's writer given each row's physical columns: partition columns are in the directory. */
final class PhysicalBulkWriterFactory implements BulkWriter.Factory<Row> {
    private static final long serialVersionUID = 1L;

    private final BulkWriter.Factory<Row> format;
    private final PartitionLayout layout;

    PhysicalBulkWriterFactory(BulkWriter.Factory<Row> format, PartitionLayout layout) {
        this.format = format;
        this.layout = layout;
    }

    @Override
    public BulkWriter<Row> create(FSDataOutputStream out) throws IOException {
        BulkWriter<Row> writer = format.create(out);
        return new BulkWriter<>() {
            @Override
            public void addElement(Row row) throws IOException {
                writer.addElement(layout.physicalRow(row));
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void finish() throws IOException {
                writer.finish();
            }
        };
    }
}
