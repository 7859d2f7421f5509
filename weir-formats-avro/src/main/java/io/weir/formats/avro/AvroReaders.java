package io.weir.formats.avro;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import java.io.IOException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.reflect.ReflectDatumReader;

/**
 * Avro container-file readers for the FileSource:
 *
 * <pre>{@code
 * FileSource<Trade> source = FileSource.forRecordStreamFormat(
 *         AvroReaders.forReflectRecord(Trade.class), new Path("/data/trades")).build();
 * }</pre>
 *
 * An Avro file is one split; a restored reader skips the records its checkpoint had read.
 */
public final class AvroReaders {
    private AvroReaders() {}

    /** Instances of a class written with {@link AvroWriters#forReflectRecord} (or with the same schema). */
    public static <T> StreamFormat<T> forReflectRecord(Class<T> type) {
        return new ReflectFormat<>(type);
    }

    private record ReflectFormat<T>(Class<T> type) implements StreamFormat<T> {
        @Override
        public Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
                throws IOException {
            TrustedClasses.trust(type);
            DataFileStream<T> file = new DataFileStream<>(stream,
                    new ReflectDatumReader<>(new ReflectData(type.getClassLoader()).getSchema(type)));
            return new Reader<>() {
                @Override
                public T read() {
                    return file.hasNext() ? file.next() : null;
                }

                @Override
                public void close() throws IOException {
                    file.close();
                }
            };
        }

        @Override
        public Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
                long fileLen, long splitEnd) {
            throw new UnsupportedOperationException("Avro readers give no offsets; the source restores them by "
                    + "reading from the start and skipping records");
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return TypeInformation.of(type);
        }
    }
}
