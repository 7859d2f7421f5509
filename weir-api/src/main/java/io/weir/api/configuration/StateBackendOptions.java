package io.weir.api.configuration;

import java.util.Locale;
import java.util.Set;

/**
 * Which state backend keeps the keyed state of a job.
 *
 * <p>Declared ahead of checkpointing, recovery and the state backends (issue 8): the keys are
 * accepted and checked now, and the runtime reads them as those features land.
 */
public final class StateBackendOptions {
    private StateBackendOptions() {}

    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type")
            .stringType().defaultValue("hashmap")
            .withDeprecatedKeys("state.backend")
            .withValidation(s -> Set.of("hashmap", "rocksdb").contains(s.toLowerCase(Locale.ROOT)),
                    "be hashmap or rocksdb")
            .withDescription("hashmap keeps state as objects on the heap (fastest, bounded by memory); rocksdb "
                    + "keeps it serialized in an embedded RocksDB on local disk (state larger than memory).");
}
