package io.weir.sql.connectors;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.ValidationException;
import io.weir.sql.runtime.SqlFunctions;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.GeneratorFunction;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.functions.sink.SinkFunction;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A test source, {@code 'connector' = 'values'} (as in Flink's SQL tests): it emits the rows of its
 * {@code 'data'} option in order, from one subtask, then ends. Rows are written the way golden
 * files write results, one per line or separated by {@code ;}: {@code +I[a, 1, 2024-01-01 00:00:01]},
 * {@code -U[...]}, {@code NULL} for null; string values cannot contain {@code ", "}. A changelog
 * source says so with {@code 'changelog-mode' = 'I,UB,UA,D'} (Flink's option and spelling). A lookup
 * join looks rows up in the table its data leaves when the changes are applied, as Flink's test
 * connector does.
 *
 * <p>For restore tests: {@code 'rows-per-checkpoint' = 'n'} emits n rows, then n more after each completed
 * checkpoint, and keeps its position in checkpoints and savepoints (the source stands still at a known
 * row until the job checkpoints). Written to, a table with {@code 'sink-id' = 'name'} collects every row it
 * gets, with its change kind, into {@link #written(String)}.
 */
public final class TestValuesTableFactory implements TableFactory, LookupTableSource {

    @Override
    public String factoryIdentifier() {
        return "values";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("data", "changelog-mode", "sink-changelog-mode-enforced", "rows-per-checkpoint", "sink-id");
    }

    @Override
    public ChangelogMode sourceChangelogMode(Context context) {
        return changelogMode(context.option("changelog-mode", "I"), "changelog-mode");
    }

    /** What the table takes when written, {@code 'sink-changelog-mode-enforced' = 'I,UA,D'} (as Flink's test connector); it writes nowhere. */
    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return changelogMode(context.option("sink-changelog-mode-enforced", "I"), "sink-changelog-mode-enforced");
    }

    private static ChangelogMode changelogMode(String mode, String option) {
        EnumSet<RowKind> kinds = EnumSet.noneOf(RowKind.class);
        for (String kind : mode.split(",")) {
            kinds.add(switch (kind.trim()) {
                case "I" -> RowKind.INSERT;
                case "UB" -> RowKind.UPDATE_BEFORE;
                case "UA" -> RowKind.UPDATE_AFTER;
                case "D" -> RowKind.DELETE;
                default -> throw new ValidationException("Unknown change kind '" + kind + "' in '" + option + "'; "
                        + "use I, UB, UA and D");
            });
        }
        return ChangelogMode.of(kinds);
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        String perCheckpoint = context.option("rows-per-checkpoint", null);
        if (perCheckpoint != null) {
            List<Row> rows = rows(context);
            DataGeneratorSource<Row> source = new DataGeneratorSource<>(new RowAt(rows), rows.size(),
                    RateLimiterStrategy.perCheckpoint(Integer.parseInt(perCheckpoint)), context.rowType());
            return env.fromSource(source, WatermarkStrategy.noWatermarks(), "values").setParallelism(1);
        }
        return env.fromData(rows(context), context.rowType()).setParallelism(1).name("values");
    }

    /** The row at an index of the table's data. */
    private record RowAt(List<Row> rows) implements GeneratorFunction<Long, Row> {
        @Override
        public Row map(Long index) {
            return Row.copy(rows.get(index.intValue()));
        }
    }

    private static final Map<String, List<Row>> WRITTEN = new ConcurrentHashMap<>();

    /** The rows written so far into the tables with {@code 'sink-id' = sinkId}, in the order they came. */
    public static List<Row> written(String sinkId) {
        List<Row> rows = WRITTEN.getOrDefault(sinkId, List.of());
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        String sinkId = context.option("sink-id", null);
        if (sinkId == null) {
            throw new ValidationException("Table " + context.identifier().asSummaryString() + " of connector 'values' "
                    + "is written only with 'sink-id' = '<name>', which names the list its rows are collected into");
        }
        rows.addSink(new Collecting(sinkId)).name("values sink");
    }

    private record Collecting(String sinkId) implements SinkFunction<Row> {
        @Override
        public void invoke(Row row) {
            List<Row> rows = WRITTEN.computeIfAbsent(sinkId, id -> new ArrayList<>());
            synchronized (rows) {
                rows.add(Row.copy(row));
            }
        }
    }

    @Override
    public LookupProvider createLookup(Context context, int[] keyColumns) {
        // With a primary key a change replaces or deletes the row with its key (upsert); without, the equal row.
        List<String> names = List.of(context.rowType().getFieldNames());
        int[] primaryKey = context.table().schema().primaryKey().stream().mapToInt(names::indexOf).toArray();
        List<Row> table = new ArrayList<>();
        for (Row change : rows(context)) {
            Row row = Row.copy(change);
            row.setKind(RowKind.INSERT);
            if (primaryKey.length > 0) {
                table.removeIf(stored -> java.util.Arrays.stream(primaryKey)
                        .allMatch(k -> java.util.Objects.equals(stored.getField(k), row.getField(k))));
            } else if (change.getKind() == RowKind.UPDATE_BEFORE || change.getKind() == RowKind.DELETE) {
                table.remove(row);
            }
            if (change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER) {
                table.add(row);
            }
        }
        return LookupProvider.of(new ScanningLookup(table, keyColumns));
    }

    /** Finds the rows whose key columns equal the key's fields by scanning them all. */
    private static final class ScanningLookup extends LookupFunction {
        private static final long serialVersionUID = 1L;
        private final List<Row> table;
        private final int[] keyColumns;

        ScanningLookup(List<Row> table, int[] keyColumns) {
            this.table = table;
            this.keyColumns = keyColumns;
        }

        @Override
        public java.util.Collection<Row> lookup(Row key) {
            List<Row> found = new ArrayList<>();
            for (Row row : table) {
                boolean matches = true;
                for (int i = 0; i < keyColumns.length; i++) {
                    matches &= key.getField(i).equals(row.getField(keyColumns[i]));
                }
                if (matches) {
                    found.add(row);
                }
            }
            return found;
        }
    }

    private static List<Row> rows(Context context) {
        List<Row> rows = new ArrayList<>();
        for (String line : context.option("data", "").split("[;\n]")) {
            if (!line.isBlank()) {
                rows.add(parse(line.strip(), context.rowType().getFieldTypes()));
            }
        }
        return rows;
    }

    private static Row parse(String text, TypeInformation<?>[] types) {
        RowKind kind = switch (text.substring(0, 2)) {
            case "+I" -> RowKind.INSERT;
            case "-U" -> RowKind.UPDATE_BEFORE;
            case "+U" -> RowKind.UPDATE_AFTER;
            case "-D" -> RowKind.DELETE;
            default -> throw new ValidationException("A values row starts with +I, -U, +U or -D: " + text);
        };
        String[] fields = text.substring(3, text.length() - 1).split(", ", -1);
        if (fields.length != types.length) {
            throw new ValidationException("The values row " + text + " has " + fields.length + " fields, the table "
                    + types.length);
        }
        Row row = new Row(kind, types.length);
        for (int i = 0; i < types.length; i++) {
            row.setField(i, fields[i].equals("NULL") ? null : value(fields[i], types[i]));
        }
        return row;
    }

    private static Object value(String text, TypeInformation<?> type) {
        if (type.equals(BasicTypeInfo.INT_TYPE_INFO)) {
            return Integer.parseInt(text);
        } else if (type.equals(BasicTypeInfo.LONG_TYPE_INFO)) {
            return Long.parseLong(text);
        } else if (type.equals(BasicTypeInfo.DOUBLE_TYPE_INFO)) {
            return Double.parseDouble(text);
        } else if (type.equals(BasicTypeInfo.BIG_DEC_TYPE_INFO)) {
            return SqlFunctions.parseDecimal(text);
        } else if (type.equals(BasicTypeInfo.BOOLEAN_TYPE_INFO)) {
            return SqlFunctions.parseBoolean(text);
        } else if (type.equals(BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO)) {
            return SqlFunctions.parseTimestamp(text);
        } else if (type.equals(BasicTypeInfo.INSTANT_TYPE_INFO)) {
            // A TIMESTAMP_LTZ written as its UTC date-time, e.g. 2024-01-01 00:00:01.
            return SqlFunctions.parseTimestamp(text).toInstant(java.time.ZoneOffset.UTC);
        } else if (type.equals(BasicTypeInfo.STRING_TYPE_INFO)) {
            return text;
        }
        throw new ValidationException("The values connector cannot read " + type + " fields");
    }
}
