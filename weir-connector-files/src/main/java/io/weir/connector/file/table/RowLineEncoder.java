package io.weir.connector.file.table;

import io.weir.api.common.serialization.Encoder;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a table row as one line of the table's format ({@code csv}, {@code json}, {@code raw}):
 * the serialized physical columns (partition columns are in the directory, not the line), then
 * {@code \n}.
 */
final class RowLineEncoder implements Encoder<Row> {
    private static final long serialVersionUID = 1L;

    private final SerializationSchema<Row> serializer;
    private final PartitionLayout layout;
    private transient boolean opened;

    RowLineEncoder(SerializationSchema<Row> serializer, PartitionLayout layout) {
        this.serializer = serializer;
        this.layout = layout;
    }

    @Override
    public void encode(Row row, OutputStream stream) throws IOException {
        if (!opened) {
            open();
        }
        byte[] line = serializer.serialize(layout.physicalRow(row));
        if (line != null) {
            stream.write(line);
        }
        stream.write('\n');
    }

    private void open() throws IOException {
        try {
            serializer.open(() -> Thread.currentThread().getContextClassLoader());
        } catch (Exception e) {
            throw new IOException("The table's format failed to open: " + e.getMessage(), e);
        }
        opened = true;
    }
}
