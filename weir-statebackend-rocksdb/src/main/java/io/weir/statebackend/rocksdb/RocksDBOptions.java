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

    @Override
    public List<ConfigOption<?>> options() {
        return List.of(LOCAL_DIRECTORIES, TIMER_SERVICE_FACTORY);
    }
}
