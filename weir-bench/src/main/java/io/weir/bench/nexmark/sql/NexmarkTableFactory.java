package io.weir.bench.nexmark.sql;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkSource;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.TableFactory;
import java.util.Set;

/**
 * {@code 'connector' = 'nexmark'}: the Nexmark events of {@link NexmarkSource} as a SQL table, with
 * the Flink harness's schema and option keys, so its {@code ddl_source.sql} runs with only the
 * connector's name changed. The table's physical columns must be
 * {@code event_type INT, person ROW<8 fields>, auction ROW<10 fields>, bid ROW<7 fields>} (field
 * types as in the harness; the harness's computed {@code dateTime} column and WATERMARK are
 * computed by the planner). Options: {@code events.num} (required: the source is bounded),
 * {@code seed} (42), {@code events-per-second} (10,000,000; the spacing of event times, not a rate
 * limit), {@code base-time-ms} (1,700,000,000,000).
 */
public final class NexmarkTableFactory implements TableFactory {

    @Override
    public String factoryIdentifier() {
        return "nexmark";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("events.num", "seed", "events-per-second", "base-time-ms");
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        EventRows.checkSchema(context.identifier().asSummaryString(), context.rowType());
        long events = longOption(context, "events.num", -1);
        if (events < 0) {
            throw new ValidationException("Table " + context.identifier().asSummaryString() + " needs 'events.num', "
                    + "the number of events to generate (the nexmark source is bounded)");
        }
        NexmarkConfig config = new NexmarkConfig(longOption(context, "seed", NexmarkConfig.DEFAULT_SEED),
                longOption(context, "events-per-second", NexmarkConfig.DEFAULT_EVENTS_PER_SECOND),
                longOption(context, "base-time-ms", NexmarkConfig.DEFAULT_BASE_TIME_MS));
        RowTypeInfo rowType = context.rowType();
        var source = env.fromSource(NexmarkSource.of(config, events), WatermarkStrategy.noWatermarks(),
                "nexmark " + context.identifier().objectName());
        return source.map(new EventRows(), rowType).setParallelism(source.getParallelism()).name("EventRows");
    }

    private static long longOption(Context context, String key, long defaultValue) {
        String value = context.option(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Option '" + key + "' of table " + context.identifier().asSummaryString()
                    + " must be a whole number, not '" + value + "'");
        }
    }
}
