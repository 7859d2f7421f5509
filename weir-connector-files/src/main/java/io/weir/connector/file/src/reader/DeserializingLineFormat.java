package io.weir.connector.file.src.reader;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.functions.Collector;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Reads a file of one message per line, each line turned into records by a
 * {@link DeserializationSchema}: JSON lines with {@code JsonDeserializationSchema} (weir-formats-json),
 * or any other line-per-record format. Splittable like {@link TextLineInputFormat}; empty lines are
 * skipped. A line the schema cannot read is a {@link BadRecordException}: the source fails the job
 * naming the file and line, or skips the line under {@code FileSourceBuilder#setBadRecordPolicy}.
 *
 * <pre>{@code
 * FileSource<Order> source = FileSource.forRecordStreamFormat(
 *         new DeserializingLineFormat<>(new JsonDeserializationSchema<>(Order.class)), new Path("/data/orders")).build();
 * }</pre>
 */
public final class DeserializingLineFormat<T> implements StreamFormat<T> {
    private static final long serialVersionUID = 1L;

    private final DeserializationSchema<T> schema;

    public DeserializingLineFormat(DeserializationSchema<T> schema) {
        this.schema = schema;
    }

    @Override
    public Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        return open(new LineReader(stream, stream.getPos(), splitEnd, false));
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen,
            long splitEnd) throws IOException {
        return open(new LineReader(stream, restoredOffset, splitEnd, true));
    }

    private Reader<T> open(LineReader lines) throws IOException {
        try {
            schema.open(() -> Thread.currentThread().getContextClassLoader());
        } catch (Exception e) {
            throw new IOException("The deserialization schema " + schema.getClass().getName() + " failed to open", e);
        }
        return new SchemaReader<>(lines, schema);
    }

    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return schema.getProducedType();
    }

    /**
     * Reads whole lines; the records of one line are handed out before the next line is read, and the
     * position counts them after the line's offset.
     */
    private static final class SchemaReader<T> implements Reader<T> {
        private final LineReader lines;
        private final DeserializationSchema<T> schema;
        private final ArrayDeque<T> ofLine = new ArrayDeque<>();
        private final Collector<T> collector = new Collector<>() {
            @Override
            public void collect(T record) {
                ofLine.add(record);
            }

            @Override
            public void close() {}
        };
        private long lineOffset;
        private long returnedOfLine;

        SchemaReader(LineReader lines, DeserializationSchema<T> schema) {
            this.lines = lines;
            this.schema = schema;
            this.lineOffset = -1;
        }

        @Override
        public T read() throws IOException {
            while (ofLine.isEmpty()) {
                if (!lines.next()) {
                    return null;
                }
                lineOffset = lines.lineStart();
                returnedOfLine = 0;
                if (lines.length() == 0) {
                    continue;
                }
                byte[] message = Arrays.copyOf(lines.bytes(), lines.length());
                try {
                    schema.deserialize(message, collector);
                } catch (IOException | RuntimeException e) {
                    ofLine.clear();
                    throw new BadRecordException(lines.lineStart(), "cannot read the line starting at byte "
                            + lines.lineStart() + " (" + e.getMessage() + ")", e);
                }
            }
            returnedOfLine++;
            return ofLine.poll();
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            if (ofLine.isEmpty()) {
                return new CheckpointedPosition(lines.nextLineStart(), 0);
            }
            return new CheckpointedPosition(lineOffset, returnedOfLine);
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
