package io.weir.connector.file.table;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.Path;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.IOException;

/**
 * Reads the rows of a partitioned filesystem table: the file's physical rows, read by the table's
 * format, joined with the partition values of the file's directories. {@link #forFile} binds the
 * format to one file; the unbound format only describes the table's rows.
 */
final class PartitionedRowFormat implements StreamFormat<Row> {
    private static final long serialVersionUID = 1L;

    private final StreamFormat<Row> physical;
    private final PartitionLayout layout;
    private final Object[] values;

    PartitionedRowFormat(StreamFormat<Row> physical, PartitionLayout layout) {
        this(physical, layout, null);
    }

    private PartitionedRowFormat(StreamFormat<Row> physical, PartitionLayout layout, Object[] values) {
        this.physical = physical;
        this.layout = layout;
        this.values = values;
    }

    @Override
    public StreamFormat<Row> forFile(Path file) {
        try {
            return new PartitionedRowFormat(physical.forFile(file), layout, layout.valuesOf(file));
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Reader<Row> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        return new TableRows(physical.createReader(config, stream, fileLen, splitEnd));
    }

    @Override
    public Reader<Row> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
            long fileLen, long splitEnd) throws IOException {
        return new TableRows(physical.restoreReader(config, stream, restoredOffset, fileLen, splitEnd));
    }

    @Override
    public boolean isSplittable() {
        return physical.isSplittable();
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return layout.tableType();
    }

    /** A file's rows with its partition values. Threading: one source task thread. */
    private final class TableRows implements Reader<Row> {
        private final Reader<Row> rows;

        TableRows(Reader<Row> rows) {
            if (values == null) {
                throw new IllegalStateException("The partitioned format reads a file only once bound to it (forFile)");
            }
            this.rows = rows;
        }

        @Override
        public Row read() throws IOException {
            Row row = rows.read();
            return row == null ? null : layout.tableRow(row, values);
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return rows.getCheckpointedPosition();
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
