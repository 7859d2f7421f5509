package io.weir.connector.file.src.reader;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.Path;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads records one after the other from a file's byte stream: text lines, CSV, JSON lines. The
 * {@link io.weir.connector.file.src.FileSource} opens the file, positions the stream, and keeps the
 * reader's position in checkpoints, so a format needs no checkpoint code of its own.
 *
 * <p>A <em>splittable</em> format can start reading in the middle of a file: the stream given to
 * {@link #createReader} is positioned at the split's first byte, which may be inside a record; the
 * reader skips to the next record boundary and reads the records that <em>start</em> before
 * {@code splitEnd}. A format that is not splittable is always read from the file's start.
 *
 * @param <T> the records read
 */
public interface StreamFormat<T> extends Serializable, ResultTypeQueryable<T> {

    /**
     * A reader from the start of a split.
     *
     * @param stream positioned at the split's offset (0 for a format that is not splittable)
     * @param fileLen the file's length in bytes
     * @param splitEnd the offset after the split's last byte
     */
    Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException;

    /**
     * A reader that continues at {@code restoredOffset}, an offset this format's reader gave as a
     * {@link Reader#getCheckpointedPosition() position}: the stream is positioned there, at a record's start.
     */
    Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
            long splitEnd) throws IOException;

    /**
     * The format that reads {@code file}: this one, unless the records depend on where the file is
     * (the SQL filesystem connector adds the partition values of a {@code k=v} directory path).
     */
    default StreamFormat<T> forFile(Path file) {
        return this;
    }

    /** Whether a file may be cut into several splits read independently. */
    boolean isSplittable();

    @Override
    TypeInformation<T> getProducedType();

    /**
     * Reads the records of one split. Threading: one source task thread.
     *
     * @param <T> the records read
     */
    interface Reader<T> extends Closeable {

        /** The next record, or {@code null} at the end of the split. */
        T read() throws IOException;

        /**
         * The position right after the last record {@link #read} returned, if the format can give it
         * as an offset (with 0 records after it); {@code null} makes the source count records instead.
         */
        default CheckpointedPosition getCheckpointedPosition() {
            return null;
        }
    }
}
