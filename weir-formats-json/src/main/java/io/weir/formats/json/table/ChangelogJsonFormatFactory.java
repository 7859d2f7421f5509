package io.weir.formats.json.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.formats.FormatFactory;
import java.util.Set;

/** {@code 'format' = 'debezium-json'} and {@code 'canal-json'}: changelog sources of +I/-U/+U/-D rows. */
public abstract class ChangelogJsonFormatFactory implements FormatFactory {

    @Override
    public ChangelogMode changelogMode() {
        return ChangelogMode.all();
    }

    JsonRowConverter converter(Context context) {
        return new JsonRowConverter(context.rowType(), false, JsonFormatFactory.isoTimestamps(context));
    }

    /** Debezium's events. */
    public static final class Debezium extends ChangelogJsonFormatFactory {
        @Override
        public String factoryIdentifier() {
            return "debezium-json";
        }

        @Override
        public Set<String> supportedOptions() {
            return Set.of("ignore-parse-errors", "schema-include", "timestamp-format.standard");
        }

        @Override
        public DeserializationSchema<Row> createDeserializer(Context context) {
            return schema(context);
        }

        @Override
        public SerializationSchema<Row> createSerializer(Context context) {
            return schema(context);
        }

        private DebeziumJsonSchema schema(Context context) {
            return new DebeziumJsonSchema(context.rowType(), converter(context),
                    context.flag("ignore-parse-errors", false), context.flag("schema-include", false));
        }
    }

    /** Canal's events (read only). */
    public static final class Canal extends ChangelogJsonFormatFactory {
        @Override
        public String factoryIdentifier() {
            return "canal-json";
        }

        @Override
        public Set<String> supportedOptions() {
            return Set.of("ignore-parse-errors", "timestamp-format.standard");
        }

        @Override
        public DeserializationSchema<Row> createDeserializer(Context context) {
            return new CanalJsonSchema(context.rowType(), converter(context), context.flag("ignore-parse-errors", false));
        }
    }
}
