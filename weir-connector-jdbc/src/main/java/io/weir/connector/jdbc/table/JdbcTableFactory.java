package io.weir.connector.jdbc.table;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.connector.jdbc.ChangelogRowBatch;
import io.weir.connector.jdbc.JdbcConnectionOptions;
import io.weir.connector.jdbc.JdbcExecutionOptions;
import io.weir.connector.jdbc.JdbcSink;
import io.weir.connector.jdbc.dialect.JdbcDialect;
import io.weir.connector.jdbc.source.JdbcNumericBetweenParametersProvider;
import io.weir.connector.jdbc.source.JdbcSource;
import io.weir.connector.jdbc.source.JdbcSourceBuilder;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.LookupCache;
import io.weir.sql.connectors.LookupOptions;
import io.weir.sql.connectors.LookupProvider;
import io.weir.sql.connectors.LookupTableSource;
import io.weir.sql.connectors.TableFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code 'connector' = 'jdbc'}: a table in a database, read with a {@link JdbcSource} and written
 * with a {@link JdbcSink}, with Flink's option keys. A table with a primary key is written by
 * upserts and deletes (so updating queries keep it right); one without is appended to. A lookup join
 * ({@code FOR SYSTEM_TIME AS OF o.proc_time}) queries it by key ({@link JdbcLookupFunction}), with
 * Flink's {@code lookup.*} options ({@link LookupOptions}).
 */
public final class JdbcTableFactory implements TableFactory, LookupTableSource {

    /** Connections (and threads) per subtask of an async lookup join: JDBC queries block. */
    private static final int ASYNC_THREADS = 4;

    private static final ConfigOption<Integer> MAX_ROWS = ConfigOptions.key("sink.buffer-flush.max-rows").intType()
            .defaultValue(100);
    private static final ConfigOption<Duration> INTERVAL = ConfigOptions.key("sink.buffer-flush.interval")
            .durationType().defaultValue(Duration.ofSeconds(1));
    private static final ConfigOption<Integer> MAX_RETRIES = ConfigOptions.key("sink.max-retries").intType()
            .defaultValue(JdbcExecutionOptions.DEFAULT_MAX_RETRY_TIMES);
    private static final ConfigOption<Integer> SINK_PARALLELISM = ConfigOptions.key("sink.parallelism").intType()
            .noDefaultValue();
    private static final ConfigOption<Long> LOWER_BOUND = ConfigOptions.key("scan.partition.lower-bound").longType()
            .noDefaultValue();
    private static final ConfigOption<Long> UPPER_BOUND = ConfigOptions.key("scan.partition.upper-bound").longType()
            .noDefaultValue();
    private static final ConfigOption<Integer> PARTITIONS = ConfigOptions.key("scan.partition.num").intType()
            .noDefaultValue();
    private static final ConfigOption<Integer> FETCH_SIZE = ConfigOptions.key("scan.fetch-size").intType()
            .defaultValue(1000);

    @Override
    public String factoryIdentifier() {
        return "jdbc";
    }

    @Override
    public Set<String> supportedOptions() {
        Set<String> options = new HashSet<>(Set.of("url", "table-name", "username", "password", "driver", "dialect",
                "sink.buffer-flush.max-rows", "sink.buffer-flush.interval", "sink.max-retries", "sink.parallelism",
                "scan.partition.column", "scan.partition.num", "scan.partition.lower-bound",
                "scan.partition.upper-bound", "scan.fetch-size"));
        options.addAll(LookupOptions.KEYS);
        return options;
    }

    @Override
    public LookupProvider createLookup(Context context, int[] keyColumns) {
        TableOptions table = new TableOptions(context);
        String[] columns = table.columns();
        String[] keys = Arrays.stream(keyColumns).mapToObj(i -> columns[i]).toArray(String[]::new);
        String query = table.dialect().getSelectFromStatement(table.tableName(), columns, keys);
        String name = context.identifier().asSummaryString();
        RowExtractor extractor = new RowExtractor(context.rowType().getFieldTypes());
        JdbcLookupFunction function = new JdbcLookupFunction(connection(table), name, query, extractor,
                LookupOptions.get(name, table.options(), LookupOptions.MAX_RETRIES));
        String scan = table.dialect().getSelectFromStatement(table.tableName(), columns, new String[0]);
        LookupCache cache = LookupOptions.cache(name, table.options(),
                new JdbcFullTableLoader(connection(table), name, scan, extractor), keyColumns);
        if (LookupOptions.get(name, table.options(), LookupOptions.ASYNC)) {
            return LookupProvider.async(new JdbcAsyncLookupFunction(function, ASYNC_THREADS), cache);
        }
        return cache == null ? LookupProvider.of(function) : LookupProvider.partialCaching(function, cache);
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        TableOptions table = new TableOptions(context);
        JdbcSourceBuilder<Row> builder = JdbcSource.<Row>builder()
                .setDBUrl(table.url()).setDriverName(table.options().get("driver"))
                .setUsername(table.options().get("username")).setPassword(table.options().get("password"))
                .setResultExtractor(new RowExtractor(context.rowType().getFieldTypes()))
                .setTypeInformation(context.rowType())
                .setResultSetFetchSize(table.get(FETCH_SIZE));
        String select = table.dialect().getSelectFromStatement(table.tableName(), table.columns(), new String[0]);
        String partitionColumn = table.options().get("scan.partition.column");
        if (partitionColumn == null) {
            builder.setSql(select + table.orderBy(null));
        } else {
            long lower = table.required(LOWER_BOUND);
            long upper = table.required(UPPER_BOUND);
            int partitions = table.required(PARTITIONS);
            if (lower > upper) {
                throw table.invalid("scan.partition.lower-bound " + lower + " is above scan.partition.upper-bound " + upper);
            }
            builder.setSql(select + " WHERE " + table.dialect().quoteIdentifier(partitionColumn) + " BETWEEN ? AND ?"
                            + table.orderBy(partitionColumn))
                    .setJdbcParameterValuesProvider(new JdbcNumericBetweenParametersProvider(lower, upper).ofBatchNum(partitions));
        }
        return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "jdbc " + table.tableName());
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        TableOptions table = new TableOptions(context);
        JdbcExecutionOptions execution = JdbcExecutionOptions.builder()
                .withBatchSize(table.get(MAX_ROWS))
                .withBatchIntervalMs(table.get(INTERVAL).toMillis())
                .withMaxRetries(table.get(MAX_RETRIES))
                .build();
        List<String> key = context.table().schema().primaryKey();
        ChangelogRowBatch batch = new ChangelogRowBatch(table.dialect(), table.tableName(), table.columns(),
                key.toArray(new String[0]));
        DataStreamSink<Row> sink = rows.sinkTo(JdbcSink.sink(batch, execution, connection(table)))
                .name("jdbc " + table.tableName());
        table.optional(SINK_PARALLELISM).ifPresent(sink::setParallelism);
    }

    private static JdbcConnectionOptions connection(TableOptions table) {
        return new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(table.url()).withDriverName(table.options().get("driver"))
                .withUsername(table.options().get("username")).withPassword(table.options().get("password"))
                .build();
    }

    /** A user error in the table's definition, naming the table. */
    static ValidationException invalid(Context context, String problem) {
        return new ValidationException("Table " + context.identifier().asSummaryString() + " (connector 'jdbc'): " + problem);
    }

    /** The table's options as the source and sink need them; a missing or bad one fails naming the table and the key. */
    private record TableOptions(Context context, java.util.Map<String, String> options) {
        TableOptions(Context context) {
            this(context, context.table().options());
        }

        String url() {
            String url = options.get("url");
            if (url == null) {
                throw invalid("the 'url' option is missing, e.g. 'url' = 'jdbc:postgresql://host:5432/db'");
            }
            return url;
        }

        String tableName() {
            String name = options.get("table-name");
            if (name == null) {
                throw invalid("the 'table-name' option is missing: name the table in the database");
            }
            return name;
        }

        JdbcDialect dialect() {
            String named = options.get("dialect");
            if (named != null) {
                return JdbcDialect.forName(named).orElseThrow(() -> invalid("unknown 'dialect' '" + named
                        + "'; Weir knows 'postgres' and 'cratedb'"));
            }
            return JdbcDialect.forUrl(url()).orElseThrow(() -> invalid("no dialect for the URL " + url()
                    + "; Weir knows jdbc:postgresql: and jdbc:crate: URLs, or set 'dialect' = 'postgres' or 'cratedb'"));
        }

        String[] columns() {
            return context.rowType().getFieldNames();
        }

        /** Orders by the primary key (else by the partition column), so a restore mid-split skips the right rows. */
        String orderBy(String partitionColumn) {
            List<String> key = context.table().schema().primaryKey();
            if (!key.isEmpty()) {
                return " ORDER BY " + String.join(", ", key.stream().map(dialect()::quoteIdentifier).toList());
            }
            return partitionColumn == null ? "" : " ORDER BY " + dialect().quoteIdentifier(partitionColumn);
        }

        <T> T get(ConfigOption<T> option) {
            return optional(option).orElseGet(option::defaultValue);
        }

        <T> java.util.Optional<T> optional(ConfigOption<T> option) {
            try {
                return Configuration.fromMap(options).getOptional(option);
            } catch (RuntimeException e) {
                throw invalid("option '" + option.key() + "' = '" + options.get(option.key()) + "' is not valid: "
                        + e.getMessage());
            }
        }

        <T> T required(ConfigOption<T> option) {
            return optional(option).orElseThrow(() -> invalid("'scan.partition.column' needs 'scan.partition.num', "
                    + "'scan.partition.lower-bound' and 'scan.partition.upper-bound' too; '" + option.key() + "' is missing"));
        }

        ValidationException invalid(String problem) {
            return JdbcTableFactory.invalid(context, problem);
        }
    }
}
