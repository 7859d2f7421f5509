package io.weir.formats.avro.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.formats.avro.typeutils.AvroDatumCodec;
import io.weir.sql.connectors.formats.FormatFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * {@code 'format' = 'avro'} for SQL tables: each message is one Avro record in binary encoding (no
 * schema registry header), with the schema derived from the table's columns as Flink's avro format
 * derives it ({@link AvroRowSchemas}). A message that is not such a record goes to the table's
 * bad-record policy.
 *
 * <p>{@code 'avro.writer-schema'} (a Weir option; Flink's avro format has none) gives the Avro schema,
 * as JSON, that the messages were written with when it differs from the columns: the rows are then
 * read by Avro's resolution rules (a column the writer lacks is null, a field the table lacks is
 * skipped, numbers widen). The option only concerns reading; rows are written with the derived schema.
 */
public final class AvroFormatFactory implements FormatFactory {

    @Override
    public String factoryIdentifier() {
        return "avro";
    }

    /** The writer's schema (JSON) of the messages to read, when it is not the one the columns derive. */
    public static final String WRITER_SCHEMA = "writer-schema";

    @Override
    public Set<String> supportedOptions() {
        return Set.of(WRITER_SCHEMA);
    }

    @Override
    public DeserializationSchema<Row> createDeserializer(Context context) {
        String writerJson = context.options().get(WRITER_SCHEMA);
        if (writerJson == null) {
            return new RowSchema(context.rowType(), AvroDatumCodec.forGeneric(schema(context)));
        }
        Schema writer = writerSchema(context, writerJson);
        try {
            Schema reader = AvroRowSchemas.of(context.rowType(), writer, context.decimals());
            return new RowSchema(context.rowType(), AvroDatumCodec.forGeneric(reader).withWriterSchema(writer));
        } catch (IllegalArgumentException e) {
            throw context.invalid("option '" + context.formatName() + "." + WRITER_SCHEMA + "': the table's columns"
                    + " cannot be read from records of that schema: " + e.getMessage());
        }
    }

    private static Schema writerSchema(Context context, String json) {
        String key = "'" + context.formatName() + "." + WRITER_SCHEMA + "'";
        Schema writer;
        try {
            writer = new Schema.Parser().parse(json);
        } catch (RuntimeException e) {
            throw context.invalid("option " + key + " is not an Avro schema: " + e.getMessage()
                    + ". Give the writer's schema as JSON, e.g. {\"type\": \"record\", \"name\": \"Order\", \"fields\": [...]}");
        }
        if (writer.getType() != Schema.Type.RECORD) {
            throw context.invalid("option " + key + " must be a record schema, not " + writer.getType());
        }
        return writer;
    }

    @Override
    public SerializationSchema<Row> createSerializer(Context context) {
        return new RowSchema(context.rowType(), AvroDatumCodec.forGeneric(schema(context)));
    }

    private static Schema schema(Context context) {
        try {
            return AvroRowSchemas.of(context.rowType(), context.decimals());
        } catch (IllegalArgumentException e) {
            throw context.invalid(e.getMessage());
        }
    }

    /** Reads and writes rows as Avro records of the derived schema. */
    private static final class RowSchema implements DeserializationSchema<Row>, SerializationSchema<Row> {
        private static final long serialVersionUID = 1L;

        private final io.weir.api.types.RowTypeInfo rowType;
        private final AvroDatumCodec<GenericRecord> codec;
        private final AvroRowConverter converter;

        RowSchema(io.weir.api.types.RowTypeInfo rowType, AvroDatumCodec<GenericRecord> codec) {
            this.rowType = rowType;
            this.codec = codec;
            this.converter = new AvroRowConverter(rowType);
        }

        @Override
        public Row deserialize(byte[] message) throws IOException {
            return message == null ? null : converter.toRow(codec.decode(message));
        }

        @Override
        public boolean isEndOfStream(Row nextElement) {
            return false;
        }

        @Override
        public TypeInformation<Row> getProducedType() {
            return rowType;
        }

        @Override
        public byte[] serialize(Row row) {
            try {
                return codec.encode(converter.toRecord(row, codec.schema()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + row + " as Avro: " + e.getMessage(), e);
            }
        }
    }
}
