package io.weir.api.configuration;

import java.util.Locale;
import java.util.Set;

/**
 * Which state backend keeps the keyed state of a job.
 *
 * <p>Each backend's own options are declared by the module that brings it (for rocksdb:
 * {@code state.backend.rocksdb.*} in weir-statebackend-rocksdb).
 */
public final class StateBackendOptions {
    private StateBackendOptions() {}

    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type")
            .stringType().defaultValue("hashmap")
            .withDeprecatedKeys("state.backend")
            .withValidation(s -> Set.of("hashmap", "rocksdb").contains(s.trim().toLowerCase(Locale.ROOT))
                    || s.contains("."), "be hashmap, rocksdb or the class name of an io.weir.runtime.state.StateBackend")
            .withDescription("hashmap keeps state as objects on the heap (fastest, bounded by memory); rocksdb "
                    + "keeps it serialized in an embedded RocksDB on local disk (state larger than memory; needs "
                    + "the module weir-statebackend-rocksdb, which the distribution has in lib/). Also the class "
                    + "name of a state backend (io.weir.runtime.state.StateBackend).");
}
