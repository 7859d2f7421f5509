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

    /** A Parquet file's records, read whole (not splittable), through the reader {@link #open} makes. */
    private abstract static class ParquetFormat<T> implements StreamFormat<T> {
        private static final long serialVersionUID = 1L;

        abstract ParquetReader<T> open(FSDataInputStream stream, long fileLen) throws IOException;

        @Override
        public final Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
                throws IOException {
            ParquetReader<T> reader = open(stream, fileLen);
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
        public final Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
                long fileLen, long splitEnd) {
            throw new UnsupportedOperationException("Parquet readers give no offsets; the source restores them by "
                    + "reading from the start and skipping records");
        }

        @Override
        public final boolean isSplittable() {
            return false;
        }
    }

    private static final class GenericFormat extends ParquetFormat<GenericRecord> {
        private static final long serialVersionUID = 1L;
        private final String schema;

        GenericFormat(String schema) {
            this.schema = schema;
        }

        @Override
        ParquetReader<GenericRecord> open(FSDataInputStream stream, long fileLen) throws IOException {
            org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration(false);
            Schema parsed = new Schema.Parser().parse(schema);
            AvroReadSupport.setRequestedProjection(hadoop, parsed); // read only the schema's columns
            AvroReadSupport.setAvroReadSchema(hadoop, parsed);
            return AvroParquetReader.<GenericRecord>builder(new StreamInputFile(stream, fileLen))
                    .withDataModel(GenericData.get())
                    .withConf(hadoop)
                    .build();
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

    private static final class ReflectFormat<T> extends ParquetFormat<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;

        ReflectFormat(Class<T> type) {
            this.type = type;
        }

        @Override
        ParquetReader<T> open(FSDataInputStream stream, long fileLen) throws IOException {
            trust(type);
            return AvroParquetReader.<T>builder(new StreamInputFile(stream, fileLen))
                    .withDataModel(new ReflectData(type.getClassLoader()))
                    .build();
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return TypeInformation.of(type);
        }
    }
}
