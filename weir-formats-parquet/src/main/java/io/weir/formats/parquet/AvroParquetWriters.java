package io.weir.formats.parquet;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.reflect.ReflectData;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet writers for the FileSink, for records described by an Avro schema:
 *
 * <pre>{@code
 * FileSink<Trade> sink = FileSink.forBulkFormat(new Path("s3://bucket/trades"),
 *         AvroParquetWriters.forReflectRecord(Trade.class)).build();
 * }</pre>
 *
 * Files are GZIP-compressed (a codec in the JDK; no native library needed).
 */
public final class AvroParquetWriters {
    private AvroParquetWriters() {}

    /** Instances of a class (public fields or bean properties, a no-argument constructor), its schema by reflection. */
    public static <T> ParquetWriterFactory<T> forReflectRecord(Class<T> type) {
        String schema = ReflectData.get().getSchema(type).toString();
        return new ParquetWriterFactory<>(out -> AvroParquetWriter.<T>builder(out)
                .withSchema(new Schema.Parser().parse(schema))
                .withDataModel(ReflectData.get())
                .withCompressionCodec(CompressionCodecName.GZIP)
                .build());
    }

    /** {@link GenericRecord}s of {@code schema}. */
    public static ParquetWriterFactory<GenericRecord> forGenericRecord(Schema schema) {
        String json = schema.toString();
        return new ParquetWriterFactory<>(out -> AvroParquetWriter.<GenericRecord>builder(out)
                .withSchema(new Schema.Parser().parse(json))
                .withDataModel(GenericData.get())
                .withCompressionCodec(CompressionCodecName.GZIP)
                .build());
    }
}
