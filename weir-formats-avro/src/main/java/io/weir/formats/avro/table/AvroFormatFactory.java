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
 */
public final class AvroFormatFactory implements FormatFactory {

    @Override
    public String factoryIdentifier() {
        return "avro";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of();
    }

    @Override
    public DeserializationSchema<Row> createDeserializer(Context context) {
        return new RowSchema(context.rowType(), AvroDatumCodec.forGeneric(schema(context)));
    }

    @Override
    public SerializationSchema<Row> createSerializer(Context context) {
        return new RowSchema(context.rowType(), AvroDatumCodec.forGeneric(schema(context)));
    }

    private static Schema schema(Context context) {
        try {
            return AvroRowSchemas.of(context.rowType());
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
