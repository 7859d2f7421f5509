package io.weir.formats.json.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.sql.connectors.formats.FormatFactory;
import java.util.Set;

/** {@code 'format' = 'json'} for SQL tables, with Flink's option keys. */
public final class JsonFormatFactory implements FormatFactory {

    @Override
    public String factoryIdentifier() {
        return "json";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("ignore-parse-errors", "fail-on-missing-field", "timestamp-format.standard");
    }

    @Override
    public DeserializationSchema<Row> createDeserializer(Context context) {
        return schema(context);
    }

    @Override
    public SerializationSchema<Row> createSerializer(Context context) {
        return schema(context);
    }

    private static JsonRowSchema schema(Context context) {
        boolean ignoreParseErrors = context.flag("ignore-parse-errors", false);
        boolean failOnMissing = context.flag("fail-on-missing-field", false);
        if (ignoreParseErrors && failOnMissing) {
            throw context.invalid("'json.ignore-parse-errors' and 'json.fail-on-missing-field' cannot both be true");
        }
        return new JsonRowSchema(context.rowType(),
                new JsonRowConverter(context.rowType(), failOnMissing, isoTimestamps(context)), ignoreParseErrors);
    }

    /** A converter for the changelog formats: missing properties are NULL. */
    static JsonRowConverter converter(Context context) {
        return new JsonRowConverter(context.rowType(), false, isoTimestamps(context));
    }

    static boolean isoTimestamps(Context context) {
        String standard = context.option("timestamp-format.standard", "SQL");
        return switch (standard) {
            case "SQL" -> false;
            case "ISO-8601" -> true;
            default -> throw context.invalid("'" + context.formatName() + ".timestamp-format.standard' = '"
                    + standard + "': use 'SQL' or 'ISO-8601'");
        };
    }
}
