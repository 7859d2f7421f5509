package io.weir.statebackend.rocksdb;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptionProvider;
import io.weir.api.configuration.ConfigOptions;
import java.util.List;
import java.util.Locale;

/** The options of the RocksDB state backend, under Flink's keys. */
public final class RocksDBOptions implements ConfigOptionProvider {

    public static final ConfigOption<String> LOCAL_DIRECTORIES = ConfigOptions.key("state.backend.rocksdb.localdir")
            .stringType().noDefaultValue()
            .withDescription("Where RocksDB keeps its files, one working directory per keyed operator subtask, deleted "
                    + "when the task ends; several directories separated by ',' (or the path separator) are used in "
                    + "turn. Default: the JVM's java.io.tmpdir. Use a fast local disk with room for the state.");

    public static final ConfigOption<String> TIMER_SERVICE_FACTORY =
            ConfigOptions.key("state.backend.rocksdb.timer-service.factory")
            .stringType().defaultValue("HEAP")
            .withValidation(s -> s.toUpperCase(Locale.ROOT).equals("HEAP"),
                    "be HEAP: Weir keeps timers on the heap with every backend (RocksDB timers are not built yet; "
                            + "remove the key or set HEAP)")
            .withDescription("Where the timers of operators on the rocksdb backend are kept. Weir supports HEAP "
                    + "only (Flink's default is ROCKSDB): timers stay on the heap and are checkpointed per key group "
                    + "with the state, so the number of timers is bounded by memory.");

    public static final ConfigOption<Integer> ACCUMULATOR_CACHE_ENTRIES =
            ConfigOptions.key("state.backend.rocksdb.accumulator-cache.entries")
            .intType().defaultValue(4096)
            .withValidation(n -> n >= 0, "be 0 (no cache) or more")
            .withDescription("Weir only (Flink has no such cache): how many values of each reducing or aggregating "
                    + "state (window contents of reduce() and aggregate(), without TTL) each keyed operator subtask "
                    + "keeps deserialized on the heap, so that adding to a key's value again costs no RocksDB read, "
                    + "write or serialization. Changed values are written to RocksDB before every checkpoint or "
                    + "savepoint and when the cache is full (then it is emptied). Heap used: up to this many keys "
                    + "and values per state and subtask. 0 reads and writes RocksDB on every access, as Flink does.");

    @Override
    public List<ConfigOption<?>> options() {
        return List.of(LOCAL_DIRECTORIES, TIMER_SERVICE_FACTORY, ACCUMULATOR_CACHE_ENTRIES);
    }
}
