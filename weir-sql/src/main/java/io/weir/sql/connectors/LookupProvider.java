package io.weir.sql.connectors;

import java.io.Serializable;

/**
 * What a {@link LookupTableSource} gives a lookup join: the function that finds rows by key and,
 * optionally, a cache of its answers (Flink's {@code LookupFunctionProvider} and
 * {@code PartialCachingLookupProvider} in one).
 *
 * @param cache null when every lookup goes to the function ({@code 'lookup.cache' = 'NONE'})
 */
public record LookupProvider(LookupFunction function, LookupCache cache) implements Serializable {

    /** Every lookup asks the function. */
    public static LookupProvider of(LookupFunction function) {
        return new LookupProvider(function, null);
    }

    /** Lookups ask the cache first and the function only for keys it does not hold. */
    public static LookupProvider partialCaching(LookupFunction function, LookupCache cache) {
        return new LookupProvider(function, cache);
    }
}
