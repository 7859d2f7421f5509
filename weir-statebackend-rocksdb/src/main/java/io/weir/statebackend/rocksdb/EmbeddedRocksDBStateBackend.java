package io.weir.statebackend.rocksdb;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.ReadableConfig;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.KeyedBackendParameters;
import io.weir.runtime.state.StateBackend;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps keyed state serialized in an embedded RocksDB on local disk ({@code state.backend.type:
 * rocksdb}): state larger than memory, each access paying serialization. Checkpoints are full
 * (canonical key-group bytes) or, with {@code execution.checkpointing.incremental}, the database's
 * immutable files, written to checkpoint storage once and shared by later checkpoints.
 *
 * <p>Threading: stateless; each keyed backend it creates belongs to one task thread.
 */
public final class EmbeddedRocksDBStateBackend implements StateBackend {
    public static final String NAME = "rocksdb";
    private static final AtomicInteger NEXT_DIRECTORY = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <K> AbstractKeyedStateBackend<K> createKeyedStateBackend(KeyedBackendParameters<K> parameters) {
        ReadableConfig config = parameters.configuration();
        config.get(RocksDBOptions.TIMER_SERVICE_FACTORY); // validates
        return new RocksDBKeyedStateBackend<>(parameters, localDirectory(config),
                config.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS), config.get(RocksDBOptions.ACCUMULATOR_CACHE_ENTRIES));
    }

    /** One of the configured local directories, in turn, so subtasks spread over the disks. */
    static Path localDirectory(ReadableConfig config) {
        String configured = config.get(RocksDBOptions.LOCAL_DIRECTORIES);
        List<String> directories = new ArrayList<>();
        if (configured != null) {
            for (String dir : configured.split("[," + File.pathSeparator + "]")) {
                if (!dir.isBlank()) {
                    directories.add(dir.trim());
                }
            }
        }
        if (directories.isEmpty()) {
            directories.add(System.getProperty("java.io.tmpdir"));
        }
        String chosen = directories.get(Math.floorMod(NEXT_DIRECTORY.getAndIncrement(), directories.size()));
        return chosen.startsWith("file:") ? Path.of(java.net.URI.create(chosen)) : Path.of(chosen);
    }
}
