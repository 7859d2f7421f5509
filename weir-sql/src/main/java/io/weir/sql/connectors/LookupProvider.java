package io.weir.sql.connectors;

import java.io.Serializable;

/**
 * What a {@link LookupTableSource} gives a lookup join: the function that finds rows by key
 * (blocking, or {@link AsyncLookupFunction asynchronous}) and, optionally, a cache of its answers
 * (Flink's {@code LookupFunctionProvider}, {@code AsyncLookupFunctionProvider},
 * {@code PartialCachingLookupProvider} and {@code FullCachingLookupProvider} in one).
 *
 * @param function the blocking function, or null when the lookups are asynchronous
 * @param cache null when every lookup goes to the function ({@code 'lookup.cache' = 'NONE'}); a
 *     {@link FullLookupCache} answers every lookup itself
 * @param asyncFunction the asynchronous function, or null when the lookups block
 */
public record LookupProvider(LookupFunction function, LookupCache cache, AsyncLookupFunction asyncFunction)
        implements Serializable {

    public LookupProvider {
        if ((function == null) == (asyncFunction == null)) {
            throw new IllegalArgumentException("A lookup provider has either a blocking or an asynchronous function");
        }
    }

    /** Every lookup asks the function. */
    public static LookupProvider of(LookupFunction function) {
        return new LookupProvider(function, null, null);
    }

    /** Lookups ask the cache first and the function only for keys it does not hold. */
    public static LookupProvider partialCaching(LookupFunction function, LookupCache cache) {
        return new LookupProvider(function, cache, null);
    }

    /** Lookups run asynchronously; with a cache, it is asked first (it may be null). */
    public static LookupProvider async(AsyncLookupFunction function, LookupCache cache) {
        return new LookupProvider(null, cache, function);
    }

    public boolean isAsync() {
        return asyncFunction != null;
    }
}
