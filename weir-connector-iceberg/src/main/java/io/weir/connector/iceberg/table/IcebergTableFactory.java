package io.weir.connector.iceberg.table;

import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.connector.iceberg.CatalogLoader;
import io.weir.connector.iceberg.IcebergSink;
import io.weir.connector.iceberg.TableLoader;
import io.weir.connector.iceberg.source.IcebergSource;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.TableFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * {@code 'connector' = 'iceberg'}: writes a table of an Iceberg catalog with an {@link IcebergSink}
 * and reads its current snapshot with an {@link IcebergSource}, with the option keys of Flink's
 * Iceberg connector. The Iceberg table is created from the SQL
 * table's columns, primary key and {@code PARTITIONED BY} columns (identity partitions) when it does
 * not exist yet; an existing table must have the SQL table's columns. A table with a primary key
 * and {@code 'write.upsert.enabled' = 'true'} takes changelogs (upserts and deletes by key).
 */
public final class IcebergTableFactory implements TableFactory {

    @Override
    public String factoryIdentifier() {
        return "iceberg";
    }

    @Override
    public Set<String> supportedOptions() {
        return Set.of("catalog-type", "catalog-name", "catalog-database", "catalog-table", "warehouse", "uri",
                "write.upsert.enabled", "format-version", "write-parallelism", "io-impl", "streaming", "monitor-interval",
                "jdbc.*");
    }

    /**
     * Reads the table's current snapshot once (a bounded scan), or with {@code 'streaming' = 'true'}
     * that snapshot and then the rows newer snapshots append, looking every {@code 'monitor-interval'}.
     */
    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        TableLoader table = TableLoader.fromCatalog(catalogLoader(context), identifier(context));
        try (TableLoader loader = table.copy()) {
            Schema schema = loader.loadTable().schema();
            for (String field : context.rowType().getFieldNames()) {
                if (schema.caseInsensitiveFindField(field) == null) {
                    throw invalid(context, "column '" + field + "' is not a column of Iceberg table " + table
                            + "; drop it from the DDL or add it to the Iceberg table");
                }
            }
        } catch (IllegalArgumentException e) {
            throw invalid(context, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IcebergSource source = IcebergSource.forRow(table, context.rowType()).streaming(flag(context, "streaming"));
        String interval = context.option("monitor-interval", null);
        if (interval != null) {
            source = source.monitorInterval(duration(context, "monitor-interval", interval));
        }
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "iceberg " + table.identifier());
    }

    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return upsert(context) ? ChangelogMode.upsert() : ChangelogMode.insertOnly();
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        boolean upsert = upsert(context);
        List<String> key = context.table().schema().primaryKey();
        if (upsert && key.isEmpty()) {
            throw invalid(context, "'write.upsert.enabled' = 'true' needs a PRIMARY KEY (...) NOT ENFORCED on the table: "
                    + "upserts replace rows by that key");
        }
        TableLoader table = TableLoader.fromCatalog(catalogLoader(context), identifier(context));
        createIfMissing(context, table);
        try {
            IcebergSink.Builder sink = IcebergSink.forRow(rows).tableLoader(table)
                    .upsert(upsert).equalityFieldColumns(upsert ? key : List.of());
            String parallelism = context.option("write-parallelism", null);
            if (parallelism != null) {
                sink.writeParallelism(positive(context, "write-parallelism", parallelism));
            }
            sink.append();
        } catch (IllegalArgumentException e) {
            throw invalid(context, e.getMessage());
        }
    }

    private static boolean upsert(Context context) {
        return flag(context, "write.upsert.enabled");
    }

    /** A {@code 'true'}/{@code 'false'} option, {@code false} when not set. */
    private static boolean flag(Context context, String key) {
        String value = context.option(key, "false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw invalid(context, "'" + key + "' must be 'true' or 'false', not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A positive duration option such as {@code '10 s'} or {@code '1min'}. */
    private static Duration duration(Context context, String key, String value) {
        Duration parsed;
        try {
            parsed = Configuration.fromMap(Map.of(key, value)).get(ConfigOptions.key(key).durationType().noDefaultValue());
        } catch (IllegalArgumentException e) {
            throw invalid(context, "'" + key + "' = '" + value + "' is not a duration; write e.g. '10 s' or '1 min'");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw invalid(context, "'" + key + "' must be positive, not '" + value + "'");
        }
        return parsed;
    }

    private static CatalogLoader catalogLoader(Context context) {
        String type = context.option("catalog-type", null);
        if (type == null) {
            throw invalid(context, "the 'catalog-type' option is missing: 'hadoop' (metadata in the warehouse directory) "
                    + "or 'jdbc' (a catalog database at 'uri')");
        }
        String name = context.option("catalog-name", "iceberg");
        Map<String, String> properties = new HashMap<>();
        context.table().options().forEach((key, value) -> {
            if (key.equals("warehouse") || key.equals("uri") || key.equals("io-impl") || key.startsWith("jdbc.")) {
                properties.put(key, value);
            }
        });
        try {
            return switch (type) {
                case "hadoop" -> CatalogLoader.hadoop(name, properties);
                case "jdbc" -> CatalogLoader.jdbc(name, properties);
                default -> throw invalid(context, "unknown 'catalog-type' '" + type + "'; Weir knows 'hadoop' and 'jdbc'");
            };
        } catch (IllegalArgumentException e) {
            throw invalid(context, e.getMessage());
        }
    }

    private static TableIdentifier identifier(Context context) {
        return TableIdentifier.of(context.option("catalog-database", context.identifier().databaseName()),
                context.option("catalog-table", context.identifier().objectName()));
    }

    private static void createIfMissing(Context context, TableLoader table) {
        Catalog catalog;
        try {
            catalog = table.catalogLoader().loadCatalog();
        } catch (RuntimeException e) {
            throw invalid(context, "cannot open the " + table.catalogLoader() + ": " + e.getMessage());
        }
        try {
            new IcebergTableCreation(context, catalog).createIfMissing(table.identifier(), formatVersion(context));
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new UncheckedIOException(new IOException("Closing the " + table.catalogLoader() + " failed", e));
                }
            }
        }
    }

    private static int formatVersion(Context context) {
        int version = positive(context, "format-version", context.option("format-version", "2"));
        if (version > 3) {
            throw invalid(context, "'format-version' " + version + " is not an Iceberg format version; use 1, 2 or 3");
        }
        return version;
    }

    private static int positive(Context context, String key, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw invalid(context, "'" + key + "' must be a positive whole number, not '" + value + "'");
    }

    /** A user error in the table's definition, naming the table. */
    static ValidationException invalid(Context context, String problem) {
        return new ValidationException("Table " + context.identifier().asSummaryString() + " (connector 'iceberg'): "
                + problem);
    }
}
