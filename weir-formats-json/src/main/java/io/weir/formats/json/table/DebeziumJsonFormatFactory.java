package io.weir.formats.json.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.formats.FormatFactory;
import java.util.Set;

/**
 * {@code 'format' = 'debezium-json'}: Debezium's change events as a changelog of +I/-U/+U/-D rows
 * (see {@link DebeziumJsonSchema}), with Flink's option keys.
 */
public final class DebeziumJsonFormatFactory implements FormatFactory {

    @Override
    public String factoryIdentifier() {
        return "debezium-json";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("ignore-parse-errors", "schema-include", "timestamp-format.standard");
    }

    @Override
    public ChangelogMode changelogMode() {
        return ChangelogMode.all();
    }

    @Override
    public DeserializationSchema<Row> createDeserializer(Context context) {
        return schema(context);
    }

    @Override
    public SerializationSchema<Row> createSerializer(Context context) {
        return schema(context);
    }

    private static DebeziumJsonSchema schema(Context context) {
        return new DebeziumJsonSchema(context.rowType(), JsonFormatFactory.converter(context),
                context.flag("ignore-parse-errors", false), context.flag("schema-include", false));
    }
}
