package io.weir.api.common.serialization;

import io.weir.api.fs.FSDataOutputStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * Writes elements into a file in a format that is written as a whole (Parquet, Avro container
 * files): the format may buffer elements and writes its footer in {@link #finish()}. A file sink with
 * a bulk format closes its part file at every checkpoint.
 *
 * <p>Threading: one writer thread.
 *
 * @param <T> the elements written
 */
public interface BulkWriter<T> {

    void addElement(T element) throws IOException;

    /** Writes what is buffered to the stream. */
    void flush() throws IOException;

    /** Writes what is left and the format's end of file; must not close the stream. */
    void finish() throws IOException;

    /** Makes a writer for one new file. */
    interface Factory<T> extends Serializable {
        BulkWriter<T> create(FSDataOutputStream out) throws IOException;
    }
}
