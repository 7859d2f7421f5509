package io.weir.formats.json.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.formats.FormatFactory;
import java.util.Set;

/**
 * {@code 'format' = 'canal-json'}: Canal's change events as a changelog of +I/-U/+U/-D rows (see
 * {@link CanalJsonSchema}); read only.
 */
public final class CanalJsonFormatFactory implements FormatFactory {

    @Override
    public String factoryIdentifier() {
        return "canal-json";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("ignore-parse-errors", "timestamp-format.standard");
    }

    @Override
    public ChangelogMode changelogMode() {
        return ChangelogMode.all();
    }

    @Override
    public DeserializationSchema<Row> createDeserializer(Context context) {
        return new CanalJsonSchema(context.rowType(), JsonFormatFactory.converter(context),
                context.flag("ignore-parse-errors", false));
    }
}
