package io.weir.formats.avro;

import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.reflect.ReflectData;
import org.apache.avro.reflect.ReflectDatumWriter;

/**
 * Avro container-file writers for the FileSink:
 *
 * <pre>{@code
 * FileSink<Trade> sink = FileSink.forBulkFormat(new Path("/data/trades"), AvroWriters.forReflectRecord(Trade.class)).build();
 * }</pre>
 */
public final class AvroWriters {
    private AvroWriters() {}

    /** Instances of a class (public fields or bean properties, a no-argument constructor), its schema by reflection. */
    public static <T> AvroWriterFactory<T> forReflectRecord(Class<T> type) {
        String schema = ReflectData.get().getSchema(type).toString();
        return new AvroWriterFactory<>(out -> {
            TrustedClasses.trust(type);
            Schema parsed = new Schema.Parser().parse(schema);
            return new DataFileWriter<T>(new ReflectDatumWriter<>(parsed)).create(parsed, out);
        });
    }

    /** {@link GenericRecord}s of {@code schema}. */
    public static AvroWriterFactory<GenericRecord> forGenericRecord(Schema schema) {
        String json = schema.toString();
        return new AvroWriterFactory<>(out -> {
            Schema parsed = new Schema.Parser().parse(json);
            return new DataFileWriter<GenericRecord>(new GenericDatumWriter<>(parsed)).create(parsed, out);
        });
    }
}
