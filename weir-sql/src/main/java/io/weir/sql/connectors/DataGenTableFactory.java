package io.weir.sql.connectors;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code 'connector' = 'datagen'}: generates rows, with Flink's option keys: {@code rows-per-second}
 * (default 10000), {@code number-of-rows} (unbounded if absent), and per column
 * {@code fields.#.kind} ({@code random} or {@code sequence}), {@code fields.#.min}/{@code max}
 * (random numbers), {@code fields.#.length} (random strings, default 100), {@code fields.#.start}/
 * {@code end} (sequences), {@code fields.#.null-rate}. Weir adds {@code seed}: rows are a pure
 * function of the seed and the row's index, so a seeded table yields the same rows at any
 * parallelism.
 */
public final class DataGenTableFactory implements TableFactory {

    @Override
    public String factoryIdentifier() {
        return "datagen";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("rows-per-second", "number-of-rows", "seed", "scan.parallelism", "fields.#.kind",
                "fields.#.min", "fields.#.max", "fields.#.max-past", "fields.#.length", "fields.#.start",
                "fields.#.end", "fields.#.null-rate");
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        List<DataGenField> fields = new ArrayList<>();
        long sequenceRows = Long.MAX_VALUE;
        for (Column column : context.table().schema().physicalColumns()) {
            DataGenField field = DataGenField.of(column, context.table().options());
            fields.add(field);
            if (field.isSequence()) {
                sequenceRows = Math.min(sequenceRows, field.sequenceLength());
            }
        }
        long rows = parseLong(context, "number-of-rows", sequenceRows);
        if (rows > sequenceRows) {
            throw new ValidationException("Table " + context.identifier().asSummaryString() + " asks for " + rows
                    + " rows but its sequence fields end after " + sequenceRows + "; raise fields.#.end or lower number-of-rows");
        }
        long seed = parseLong(context, "seed", System.nanoTime());
        double rowsPerSecond = Double.parseDouble(context.option("rows-per-second", "10000"));
        DataGeneratorSource<Row> source = new DataGeneratorSource<>(new DataGenRowGenerator(fields, seed), rows,
                RateLimiterStrategy.perSecond(rowsPerSecond), context.rowType());
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "datagen " + context.identifier().objectName());
    }

    private static long parseLong(Context context, String key, long defaultValue) {
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
