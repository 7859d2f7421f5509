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
 * for every {@link LookupTableSource}: {@code lookup.cache} and its {@code lookup.partial-cache.*}
 * settings, and {@code lookup.max-retries}. A connector lists {@link #KEYS} among its supported
 * options and builds its cache with {@link #cache}.
 */
public final class LookupOptions {

    /** Whether lookups are cached: not at all, or the recently used keys ({@code PARTIAL}). */
    public enum LookupCacheType { NONE, PARTIAL }

    public static final ConfigOption<LookupCacheType> CACHE = ConfigOptions.key("lookup.cache")
            .enumType(LookupCacheType.class).defaultValue(LookupCacheType.NONE)
            .withDescription("NONE: every probe row looks its key up; PARTIAL: answers are cached per key");
    public static final ConfigOption<Long> PARTIAL_CACHE_MAX_ROWS = ConfigOptions.key("lookup.partial-cache.max-rows")
            .longType().noDefaultValue()
            .withDescription("How many keys the partial cache holds; the least recently used goes first");
    public static final ConfigOption<Duration> PARTIAL_CACHE_EXPIRE_AFTER_WRITE = ConfigOptions
            .key("lookup.partial-cache.expire-after-write").durationType().noDefaultValue()
            .withDescription("How long a cached answer is used after it was looked up");
    public static final ConfigOption<Duration> PARTIAL_CACHE_EXPIRE_AFTER_ACCESS = ConfigOptions
            .key("lookup.partial-cache.expire-after-access").durationType().noDefaultValue()
            .withDescription("How long a cached answer is kept after it was last used");
    public static final ConfigOption<Boolean> PARTIAL_CACHE_CACHING_MISSING_KEY = ConfigOptions
            .key("lookup.partial-cache.caching-missing-key").booleanType().defaultValue(true)
            .withDescription("Whether a key with no rows is cached too");
    public static final ConfigOption<Integer> MAX_RETRIES = ConfigOptions.key("lookup.max-retries").intType()
            .defaultValue(3).withDescription("How often a failed lookup is retried before the job fails");

    /** The keys above, for a connector's {@link TableFactory#supportedOptions()}. */
    public static final Set<String> KEYS = Set.of(CACHE.key(), PARTIAL_CACHE_MAX_ROWS.key(),
            PARTIAL_CACHE_EXPIRE_AFTER_WRITE.key(), PARTIAL_CACHE_EXPIRE_AFTER_ACCESS.key(),
            PARTIAL_CACHE_CACHING_MISSING_KEY.key(), MAX_RETRIES.key());

    private LookupOptions() {
    }

    /**
     * The cache a table's options ask for, or null for {@code 'lookup.cache' = 'NONE'}. A partial
     * cache needs a bound: {@code max-rows} or one of the expiries; a bad value fails naming the
     * table and the option.
     */
    public static LookupCache cache(String tableName, Map<String, String> options) {
        if (get(tableName, options, CACHE) == LookupCacheType.NONE) {
            return null;
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
                .cacheMissingKey(get(tableName, options, PARTIAL_CACHE_CACHING_MISSING_KEY));
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
