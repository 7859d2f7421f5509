package io.weir.formats.avro.typeutils;

import io.weir.formats.avro.TrustedClasses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Avro record type in Avro's binary encoding, without a container or schema header (as Flink's
 * Avro schemas write messages): {@link GenericRecord}s of a schema, or instances of a class generated
 * by Avro ({@link SpecificRecord}). Shared by the message schemas and the {@link AvroSerializer}.
 *
 * <p>Schema evolution: a codec made {@link #withWriterSchema with a writer schema} reads data written
 * with that schema into records of its own (the reader's) schema, by Avro's resolution rules: a field
 * the reader adds takes its default, a field the reader lacks is skipped, numbers widen (int to long,
 * float, double; long to float, double; float to double), string and bytes swap. It writes with its
 * own schema.
 *
 * <p>Threading: one instance per thread (it keeps a decoder and an output buffer); it is
 * {@link Serializable} as its type and schema, the rest is rebuilt where it is used.
 *
 * @param <T> {@link GenericRecord} or the specific record class
 */
public final class AvroDatumCodec<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final String schemaJson;
    private final boolean specific;
    /** The schema the data to decode was written with; null: the codec's own schema. */
    private final String writerSchemaJson;
    private transient Schema schema;
    private transient Schema writerSchema;
    private transient DatumReader<T> reader;
    private transient DatumWriter<T> writer;
    private transient BinaryDecoder decoder;
    private transient BinaryEncoder encoder;
    private transient ByteArrayOutputStream buffer;

    private AvroDatumCodec(Class<T> type, Schema schema, boolean specific) {
        this(type, schema, specific, null);
    }

    private AvroDatumCodec(Class<T> type, Schema schema, boolean specific, Schema writerSchema) {
        this.type = type;
        this.schemaJson = schema.toString();
        this.specific = specific;
        this.schema = schema;
        this.writerSchemaJson = writerSchema == null ? null : writerSchema.toString();
        this.writerSchema = writerSchema;
    }

    /**
     * The same type and (reader) schema, decoding data written with {@code writerSchema}. Fails when
     * Avro cannot resolve the two, naming each field that does not fit and why (e.g. a field the reader
     * adds without a default, or a type that does not widen). The records' names are not compared, so
     * a reader may name its records differently from the writer.
     */
    public AvroDatumCodec<T> withWriterSchema(Schema writerSchema) {
        Objects.requireNonNull(writerSchema, "writerSchema");
        requireReadable(schema(), writerSchema);
        return new AvroDatumCodec<>(type, schema(), specific, writerSchema);
    }

    /** Fails unless data written with {@code writer} can be read as {@code reader} (record names aside). */
    static void requireReadable(Schema reader, Schema writer) {
        List<Incompatibility> problems = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities().stream()
                .filter(problem -> problem.getType() != SchemaIncompatibilityType.NAME_MISMATCH)
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Avro records written with schema " + writer.getFullName()
                    + " cannot be read with schema " + reader.getFullName() + ": " + problems.stream()
                    .map(problem -> problem.getMessage() + " (at " + problem.getLocation() + ")")
                    .collect(Collectors.joining("; "))
                    + ". A field the reader adds needs a default; a field's type may only widen (int to long, float"
                    + " or double, long to float or double, float to double) or swap string and bytes. Writer schema: "
                    + writer + ", reader schema: " + reader);
        }
    }

    /** Generic records of {@code schema}, which must be a record schema. */
    public static AvroDatumCodec<GenericRecord> forGeneric(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("An Avro message schema must be a record, not " + schema.getType()
                    + ": " + schema);
        }
        return new AvroDatumCodec<>(GenericRecord.class, schema, false);
    }

    /** Instances of a class Avro generated from a schema (it has a static {@code SCHEMA$}). */
    public static <T extends SpecificRecord> AvroDatumCodec<T> forSpecific(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Schema schema;
        try {
            schema = SpecificData.get().getSchema(type);
        } catch (AvroRuntimeException e) {
            throw new IllegalArgumentException(type.getName() + " is not a class generated by Avro (no SCHEMA$): "
                    + e.getMessage() + ". Use forGeneric(schema) for records without a generated class.", e);
        }
        return new AvroDatumCodec<>(type, schema, true);
    }

    /** The same type with a schema restored from a snapshot (the writer's schema of stored data). */
    static <T> AvroDatumCodec<T> restore(Class<T> type, String schemaJson, boolean specific) {
        return new AvroDatumCodec<>(type, new Schema.Parser().parse(schemaJson), specific);
    }

    public Class<T> type() {
        return type;
    }

    public Schema schema() {
        if (schema == null) {
            schema = new Schema.Parser().parse(schemaJson);
        }
        return schema;
    }

    /** The schema the decoded data was written with: the one given to {@link #withWriterSchema}, else {@link #schema()}. */
    public Schema writerSchema() {
        if (writerSchemaJson == null) {
            return schema();
        }
        if (writerSchema == null) {
            writerSchema = new Schema.Parser().parse(writerSchemaJson);
        }
        return writerSchema;
    }

    boolean isSpecific() {
        return specific;
    }

    String schemaJson() {
        return schemaJson;
    }

    public byte[] encode(T record) throws IOException {
        if (writer == null) {
            trustSpecificClass();
            writer = specific ? new SpecificDatumWriter<>(schema()) : new GenericDatumWriter<>(schema());
            buffer = new ByteArrayOutputStream();
        }
        buffer.reset();
        encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
        writer.write(record, encoder);
        encoder.flush();
        return buffer.toByteArray();
    }

    /**
     * Reads one record that fills {@code bytes} exactly. Bytes that are not a record of this schema fail
     * with an {@link IOException} saying so (Avro's own errors on garbage range from EOF to huge
     * allocations, so they are all reported the same way, with Avro's reason).
     */
    public T decode(byte[] bytes) throws IOException {
        if (reader == null) {
            trustSpecificClass();
            if (writerSchemaJson == null) {
                reader = specific ? new SpecificDatumReader<>(type) : new GenericDatumReader<>(schema());
            } else {
                reader = specific ? new SpecificDatumReader<>(writerSchema(), schema())
                        : new GenericDatumReader<>(writerSchema(), schema());
            }
        }
        decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
        T record;
        try {
            record = reader.read(null, decoder);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new IOException("Not an Avro record of schema " + describeSchemas() + " (" + bytes.length
                    + " bytes): " + e, e);
        }
        if (!decoder.isEnd()) {
            throw new IOException("Not an Avro record of schema " + describeSchemas() + ": " + bytes.length
                    + " bytes, but a record of this schema ends earlier (was it written with another schema? Give"
                    + " that one as the writer schema)");
        }
        return record;
    }

    private String describeSchemas() {
        return writerSchemaJson == null ? schema().getFullName()
                : writerSchema().getFullName() + " (the writer's, read as " + schema().getFullName() + ")";
    }

    /** Avro 1.12 loads only trusted classes; a generated class the job names is trusted (in every JVM that runs it). */
    private void trustSpecificClass() {
        if (specific) {
            TrustedClasses.trust(type);
        }
    }

    @SuppressWarnings("unchecked")
    public T deepCopy(T record) {
        trustSpecificClass();
        return specific ? SpecificData.get().deepCopy(schema(), record) : (T) GenericData.get().deepCopy(schema(), record);
    }

    /** A fresh codec of the same type and schema, for another thread. */
    public AvroDatumCodec<T> duplicate() {
        return new AvroDatumCodec<>(type, schema(), specific, writerSchemaJson == null ? null : writerSchema());
    }
}
