package io.weir.formats.parquet;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.fs.FSDataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.OutputFile;

/**
 * Makes a {@link BulkWriter} per part file that writes a Parquet file with a {@link ParquetWriter}
 * made by a {@link ParquetBuilder}; see {@link AvroParquetWriters} for the usual ones.
 */
public final class ParquetWriterFactory<T> implements BulkWriter.Factory<T> {
    private static final long serialVersionUID = 1L;

    /** Builds the Parquet writer of one file. */
    @FunctionalInterface
    public interface ParquetBuilder<T> extends Serializable {
        ParquetWriter<T> createWriter(OutputFile out) throws IOException;
    }

    private final ParquetBuilder<T> builder;

    public ParquetWriterFactory(ParquetBuilder<T> builder) {
        this.builder = builder;
    }

    @Override
    public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
        ParquetWriter<T> writer = builder.createWriter(new StreamOutputFile(out));
        return new BulkWriter<>() {
            @Override
            public void addElement(T element) throws IOException {
                writer.write(element);
            }

            /** Parquet writes whole row groups; what is buffered goes out with the next group or in finish. */
            @Override
            public void flush() {}

            @Override
            public void finish() throws IOException {
                writer.close();
            }
        };
    }
}
