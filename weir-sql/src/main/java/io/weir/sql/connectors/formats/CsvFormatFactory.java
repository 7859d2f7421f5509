package io.weir.sql.connectors.formats;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import java.util.Set;

/**
 * {@code 'format' = 'csv'}: each message is one line of delimited fields, in the order of the
 * table's columns, with Flink's option keys.
 */
public final class CsvFormatFactory implements FormatFactory {

    @Override
    public String factoryIdentifier() {
        return "csv";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("field-delimiter", "quote-character", "disable-quote-character", "allow-comments",
                "ignore-parse-errors", "null-literal", "escape-character");
    }

    @Override
    public DeserializationSchema<Row> createDeserializer(Context context) {
        return new CsvRowSchema(context, dialect(context));
    }

    @Override
    public SerializationSchema<Row> createSerializer(Context context) {
        return new CsvRowSchema(context, dialect(context));
    }

    private static CsvRowSchema.Dialect dialect(Context context) {
        boolean quoting = !context.flag("disable-quote-character", false);
        char escape = context.character("escape-character", '\0');
        return new CsvRowSchema.Dialect(context.character("field-delimiter", ','),
                quoting ? context.character("quote-character", '"') : '\0', escape,
                context.flag("allow-comments", false), context.flag("ignore-parse-errors", false),
                context.option("null-literal", null));
    }
}
