package io.weir.formats.avro;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.fs.FSDataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.avro.file.DataFileWriter;

/**
 * Makes a {@link BulkWriter} per part file that writes an Avro container file with a
 * {@link DataFileWriter} made by an {@link AvroBuilder}; see {@link AvroWriters} for the usual ones.
 */
public final class AvroWriterFactory<T> implements BulkWriter.Factory<T> {
    private static final long serialVersionUID = 1L;

    /** Opens the container-file writer of one file on {@code out}. */
    @FunctionalInterface
    public interface AvroBuilder<T> extends Serializable {
        DataFileWriter<T> createWriter(OutputStream out) throws IOException;
    }

    private final AvroBuilder<T> builder;

    public AvroWriterFactory(AvroBuilder<T> builder) {
        this.builder = builder;
    }

    @Override
    public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
        DataFileWriter<T> writer = builder.createWriter(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            /** The stream belongs to the sink, which closes it when it commits the file. */
            @Override
            public void close() throws IOException {
                out.flush();
            }
        });
        return new BulkWriter<>() {
            @Override
            public void addElement(T element) throws IOException {
                writer.append(element);
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void finish() throws IOException {
                writer.close();
            }
        };
    }
}
