package io.weir.formats.parquet;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import java.io.IOException;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Parquet readers for the FileSource:
 *
 * <pre>{@code
 * FileSource<Trade> source = FileSource.forRecordStreamFormat(
 *         AvroParquetReaders.forReflectRecord(Trade.class), new Path("s3://bucket/trades")).build();
 * }</pre>
 *
 * A Parquet file is one split (not cut into blocks); a restored reader skips the records its
 * checkpoint had read.
 */
public final class AvroParquetReaders {
    private AvroParquetReaders() {}

    /** Instances of a class written with {@link AvroParquetWriters#forReflectRecord} (or the same schema). */
    public static <T> StreamFormat<T> forReflectRecord(Class<T> type) {
        return new ReflectFormat<>(type);
    }

    /**
     * Avro 1.12 instantiates only trusted classes named by a file's schema (files may come from anyone).
     * A job that asks for {@code type} trusts that one class; a file naming another still fails.
     */
    private static synchronized void trust(Class<?> type) {
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (!current.isTrusted(type)) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                    ClassSecurityValidator.builder().add(type).build()));
        }
    }

    private record ReflectFormat<T>(Class<T> type) implements StreamFormat<T> {
        @Override
        public Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
                throws IOException {
            trust(type);
            ParquetReader<T> reader = AvroParquetReader.<T>builder(new StreamInputFile(stream, fileLen))
                    .withDataModel(new ReflectData(type.getClassLoader()))
                    .build();
            return new Reader<>() {
                @Override
                public T read() throws IOException {
                    return reader.read();
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                    stream.close();
                }
            };
        }

        @Override
        public Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
                long fileLen, long splitEnd) {
            throw new UnsupportedOperationException("Parquet readers give no offsets; the source restores them by "
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
