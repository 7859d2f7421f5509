package io.weir.sql.connectors.formats;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Set;

/**
 * {@code 'format' = 'raw'}: each message is the one column's value as it is: its bytes for a BYTES
 * column, its text (in {@code raw.charset}, UTF-8 by default) for a STRING column. A message without
 * bytes (a Kafka tombstone) is a NULL value.
 */
public final class RawFormatFactory implements FormatFactory {

    @Override
    public String factoryIdentifier() {
        return "raw";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("charset");
    }

    @Override
    public DeserializationSchema<Row> createDeserializer(Context context) {
        return new RawSchema(context.rowType(), isText(context), charset(context));
    }

    @Override
    public SerializationSchema<Row> createSerializer(Context context) {
        return new RawSchema(context.rowType(), isText(context), charset(context));
    }

    private static boolean isText(Context context) {
        if (context.rowType().getArity() != 1) {
            throw context.invalid("the raw format reads and writes exactly one column, the table has "
                    + context.rowType().getArity() + "; use another format, or declare one STRING or BYTES column");
        }
        Class<?> type = context.rowType().getFieldTypes()[0].getTypeClass();
        if (type != String.class && type != byte[].class) {
            throw context.invalid("the raw format's column must be STRING or BYTES, not " + FieldText.typeName(type));
        }
        return type == String.class;
    }

    private static String charset(Context context) {
        String name = context.option("charset", "UTF-8");
        try {
            return Charset.forName(name).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw context.invalid("'raw.charset' = '" + name + "' is not a charset this JVM knows");
        }
    }

    private record RawSchema(TypeInformation<Row> rowType, boolean text, String charset)
            implements DeserializationSchema<Row>, SerializationSchema<Row> {

        @Override
        public Row deserialize(byte[] message) {
            Object value = message == null ? null : text ? new String(message, Charset.forName(charset)) : message;
            Row row = new Row(RowKind.INSERT, 1);
            row.setField(0, value);
            return row;
        }

        @Override
        public byte[] serialize(Row row) {
            Object value = row.getField(0);
            return value == null ? null : text ? ((String) value).getBytes(Charset.forName(charset)) : (byte[]) value;
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
        public String toString() {
            return "the raw format";
        }
    }
}
