package io.weir.sql.connectors.formats;

import io.weir.api.types.RowTypeInfo;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.types.LogicalTypeRoot;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Finds {@link FormatFactory formats} by name and gives each its options, for the connectors' table factories. */
public final class Formats {

    private Formats() {
    }

    /** The format named {@code name}, or an error listing the formats there are. */
    public static FormatFactory find(String tableName, String optionKey, String name) {
        FormatFactory factory = available().get(name);
        if (factory == null) {
            throw new ValidationException("Table " + tableName + ": option '" + optionKey + "' names format '" + name
                    + "', which Weir does not have; available formats: " + available().keySet());
        }
        return factory;
    }

    /**
     * The context for format {@code name} written with {@code prefix} ({@code ""}, {@code "key."} or
     * {@code "value."}): the table's options {@code <prefix><name>.<key>} as {@code <key>}.
     */
    public static FormatFactory.Context context(String tableName, String name, String prefix, RowTypeInfo rowType,
            Map<String, String> tableOptions) {
        return context(tableName, name, prefix, rowType, tableOptions, null);
    }

    /** As {@link #context(String, String, String, RowTypeInfo, Map)}, telling the format the precision and scale of {@code schema}'s DECIMAL columns. */
    public static FormatFactory.Context context(String tableName, String name, String prefix, RowTypeInfo rowType,
            Map<String, String> tableOptions, TableSchema schema) {
        String start = prefix + name + ".";
        Map<String, String> own = new TreeMap<>();
        tableOptions.forEach((key, value) -> {
            if (key.startsWith(start)) {
                own.put(key.substring(start.length()), value);
            }
        });
        Map<String, FormatFactory.Decimal> decimals = new HashMap<>();
        if (schema != null) {
            schema.columns().stream().filter(column -> column.type().root() == LogicalTypeRoot.DECIMAL).forEach(column ->
                    decimals.put(column.name(), new FormatFactory.Decimal(column.type().precision(), column.type().scale())));
        }
        return new FormatFactory.Context(tableName, name, rowType, own, Map.copyOf(decimals));
    }

    /** Every format's option keys, each written with every one of {@code prefixes}: what a connector accepts. */
    public static Set<String> optionKeys(String... prefixes) {
        Set<String> keys = new LinkedHashSet<>();
        for (FormatFactory factory : available().values()) {
            for (String prefix : prefixes) {
                for (String option : factory.supportedOptions()) {
                    keys.add(prefix + factory.factoryIdentifier() + "." + option);
                }
            }
        }
        return keys;
    }

    private static Map<String, FormatFactory> available() {
        Map<String, FormatFactory> factories = new TreeMap<>();
        for (FormatFactory factory : ServiceLoader.load(FormatFactory.class, Formats.class.getClassLoader())) {
            factories.put(factory.factoryIdentifier(), factory);
        }
        return factories;
    }
}
