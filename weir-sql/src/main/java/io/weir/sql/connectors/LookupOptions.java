package io.weir.sql.connectors;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import io.weir.sql.api.ValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The lookup options Flink's lookup connectors share (Flink's {@code LookupOptions}), declared once
 * for every {@link LookupTableSource}: {@code lookup.cache} with its {@code lookup.partial-cache.*}
 * and {@code lookup.full-cache.*} settings, {@code lookup.async} and {@code lookup.max-retries}. A
 * connector lists {@link #KEYS} among its supported options and builds its cache with
 * {@link #cache}.
 */
public final class LookupOptions {

    /** Whether lookups are cached: not at all, the recently used keys ({@code PARTIAL}), or the whole table ({@code FULL}). */
    public enum LookupCacheType { NONE, PARTIAL, FULL }

    /** How the full cache is reloaded: Flink's {@code PERIODIC} and {@code TIMED} (only PERIODIC runs in Weir). */
    public enum ReloadStrategy { PERIODIC, TIMED }

    public static final ConfigOption<LookupCacheType> CACHE = ConfigOptions.key("lookup.cache")
            .enumType(LookupCacheType.class).defaultValue(LookupCacheType.NONE)
            .withDescription("NONE: every probe row looks its key up; PARTIAL: answers are cached per key; "
                    + "FULL: the whole table is read into memory and reloaded periodically");
    public static final ConfigOption<Long> PARTIAL_CACHE_MAX_ROWS = ConfigOptions.key("lookup.partial-cache.max-rows")
            .longType().noDefaultValue()
            .withDescription("How many keys the partial cache holds; the least recently used goes first");
    public static final ConfigOption<Duration> PARTIAL_CACHE_EXPIRE_AFTER_WRITE = ConfigOptions
            .key("lookup.partial-cache.expire-after-write").durationType().noDefaultValue()
            .withDescription("How long a cached answer is used after it was looked up");
    public static final ConfigOption<Duration> PARTIAL_CACHE_EXPIRE_AFTER_ACCESS = ConfigOptions
            .key("lookup.partial-cache.expire-after-access").durationType().noDefaultValue()
            .withDescription("How long a cached answer is kept after it was last used");
    public static final ConfigOption<Boolean> PARTIAL_CACHE_CACHE_MISSING_KEY = ConfigOptions
            .key("lookup.partial-cache.cache-missing-key").booleanType().defaultValue(true)
            .withDescription("Whether a key with no rows is cached too");
    public static final ConfigOption<ReloadStrategy> FULL_CACHE_RELOAD_STRATEGY = ConfigOptions
            .key("lookup.full-cache.reload-strategy").enumType(ReloadStrategy.class)
            .defaultValue(ReloadStrategy.PERIODIC)
            .withDescription("When the full cache reads the table again; PERIODIC: every periodic-reload.interval");
    public static final ConfigOption<Duration> FULL_CACHE_PERIODIC_RELOAD_INTERVAL = ConfigOptions
            .key("lookup.full-cache.periodic-reload.interval").durationType().defaultValue(Duration.ofHours(1))
            .withDescription("How long the full cache's copy of the table is used before it is read again");
    public static final ConfigOption<Boolean> ASYNC = ConfigOptions.key("lookup.async").booleanType()
            .defaultValue(false)
            .withDescription("Whether lookups run asynchronously, several in flight per subtask "
                    + "(table.exec.async-lookup.buffer-capacity), instead of one at a time");
    public static final ConfigOption<Integer> MAX_RETRIES = ConfigOptions.key("lookup.max-retries").intType()
            .defaultValue(3).withDescription("How often a failed lookup is retried before the job fails");

    /** The keys above, for a connector's {@link TableFactory#supportedOptions()}. */
    public static final Set<String> KEYS = Set.of(CACHE.key(), PARTIAL_CACHE_MAX_ROWS.key(),
            PARTIAL_CACHE_EXPIRE_AFTER_WRITE.key(), PARTIAL_CACHE_EXPIRE_AFTER_ACCESS.key(),
            PARTIAL_CACHE_CACHE_MISSING_KEY.key(), MAX_RETRIES.key(), FULL_CACHE_RELOAD_STRATEGY.key(),
            FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key(), ASYNC.key());

    private LookupOptions() {
    }

    /**
     * The cache a table's options ask for, or null for {@code 'lookup.cache' = 'NONE'}. A partial
     * cache needs a bound: {@code max-rows} or one of the expiries; a full cache reads the table
     * with {@code loader} and indexes it by {@code keyColumns}. A bad value fails naming the table
     * and the option.
     */
    public static LookupCache cache(String tableName, Map<String, String> options, FullCacheLoader loader,
            int[] keyColumns) {
        LookupCacheType type = get(tableName, options, CACHE);
        if (type == LookupCacheType.NONE) {
            return null;
        }
        if (type == LookupCacheType.FULL) {
            return fullCache(tableName, options, loader, keyColumns);
        }
        Long maxRows = get(tableName, options, PARTIAL_CACHE_MAX_ROWS);
        Duration afterWrite = get(tableName, options, PARTIAL_CACHE_EXPIRE_AFTER_WRITE);
        Duration afterAccess = get(tableName, options, PARTIAL_CACHE_EXPIRE_AFTER_ACCESS);
        if (maxRows == null && afterWrite == null && afterAccess == null) {
            throw new ValidationException("Table " + tableName + " sets 'lookup.cache' = 'PARTIAL' without a bound; "
                    + "set 'lookup.partial-cache.max-rows', 'lookup.partial-cache.expire-after-write' or "
                    + "'lookup.partial-cache.expire-after-access'");
        }
        DefaultLookupCache.Builder builder = DefaultLookupCache.newBuilder()
                .cacheMissingKey(get(tableName, options, PARTIAL_CACHE_CACHE_MISSING_KEY));
        if (maxRows != null) {
            if (maxRows <= 0) {
                throw new ValidationException("Table " + tableName + ": 'lookup.partial-cache.max-rows' must be at "
                        + "least 1, not " + maxRows);
            }
            builder.maximumSize(maxRows);
        }
        if (afterWrite != null) {
            builder.expireAfterWrite(afterWrite);
        }
        if (afterAccess != null) {
            builder.expireAfterAccess(afterAccess);
        }
        return builder.build();
    }

    private static LookupCache fullCache(String tableName, Map<String, String> options, FullCacheLoader loader,
            int[] keyColumns) {
        if (get(tableName, options, FULL_CACHE_RELOAD_STRATEGY) != ReloadStrategy.PERIODIC) {
            throw new ValidationException("Table " + tableName + ": 'lookup.full-cache.reload-strategy' = 'TIMED' is not "
                    + "supported yet; use 'PERIODIC' with 'lookup.full-cache.periodic-reload.interval'");
        }
        Duration interval = get(tableName, options, FULL_CACHE_PERIODIC_RELOAD_INTERVAL);
        if (interval.isNegative() || interval.isZero()) {
            throw new ValidationException("Table " + tableName + ": 'lookup.full-cache.periodic-reload.interval' must be "
                    + "longer than zero, not " + options.get(FULL_CACHE_PERIODIC_RELOAD_INTERVAL.key()));
        }
        return new FullLookupCache(loader, keyColumns, interval, java.time.Clock.systemUTC());
    }

    /** A lookup option's value (its default when unset); a value that does not parse fails naming the option. */
    public static <T> T get(String tableName, Map<String, String> options, ConfigOption<T> option) {
        try {
            return Configuration.fromMap(options).getOptional(option).orElseGet(option::defaultValue);
        } catch (RuntimeException e) {
            throw new ValidationException("Table " + tableName + ": option '" + option.key() + "' = '"
                    + options.get(option.key()) + "' is not valid: " + e.getMessage());
        }
    }
}
