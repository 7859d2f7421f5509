package io.weir.formats.parquet;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
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
     * {@link GenericRecord}s of {@code schema}: each file's columns are read by name into it (columns the
     * schema lacks are skipped), values in Avro's plain forms (a timestamp as its {@code long}).
     */
    public static StreamFormat<GenericRecord> forGenericRecord(Schema schema) {
        return new GenericFormat(schema.toString());
    }

    private record GenericFormat(String schema) implements StreamFormat<GenericRecord> {
        @Override
        public Reader<GenericRecord> createReader(Configuration config, FSDataInputStream stream, long fileLen,
                long splitEnd) throws IOException {
            org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration(false);
            Schema parsed = new Schema.Parser().parse(schema);
            AvroReadSupport.setRequestedProjection(hadoop, parsed); // read only the schema's columns
            AvroReadSupport.setAvroReadSchema(hadoop, parsed);
            ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new StreamInputFile(stream, fileLen))
                    .withDataModel(GenericData.get())
                    .withConf(hadoop)
                    .build();
            return new Reader<>() {
                @Override
                public GenericRecord read() throws IOException {
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
        public Reader<GenericRecord> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
                long fileLen, long splitEnd) {
            throw new UnsupportedOperationException("Parquet readers give no offsets; the source restores them by "
                    + "reading from the start and skipping records");
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        @Override
        public TypeInformation<GenericRecord> getProducedType() {
            return TypeInformation.of(GenericRecord.class);
        }
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
