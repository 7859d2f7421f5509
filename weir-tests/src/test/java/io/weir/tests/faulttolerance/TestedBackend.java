package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state backend a fault-tolerance test runs its job on: the heap, RocksDB with full
 * checkpoints, or RocksDB with incremental checkpoints in a checkpoint directory (so the shared
 * files are written, shared and restored for real).
 */
enum TestedBackend {
    HASHMAP, ROCKSDB, ROCKSDB_INCREMENTAL;

    /** Sets the backend on the job, with its files under {@code directory}. */
    void configure(StreamExecutionEnvironment env, Path directory) {
        Configuration config = new Configuration();
        if (this != HASHMAP) {
            config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
            config.setString("state.backend.rocksdb.localdir", directory.resolve("rocksdb").toString());
        }
        if (this == ROCKSDB_INCREMENTAL) {
            config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.resolve("checkpoints").toString());
        }
        env.configure(config);
    }

    /** After the job: on RocksDB, its local directory was used, so the job really ran on RocksDB. */
    void assertRan(Path directory) {
        if (this != HASHMAP) {
            Path local = directory.resolve("rocksdb");
            assertTrue(Files.isDirectory(local), "the job kept its state in RocksDB under " + local);
        }
    }

    /**
     * After the job ended (all its tasks did, as when {@code execute()} returned; not yet when the
     * last result of {@code executeAndCollect} arrived): on RocksDB, every task's working
     * directory was deleted when the task ended.
     */
    void assertRanAndCleanedUp(Path directory) throws IOException {
        assertRan(directory);
        if (this == HASHMAP) {
            return;
        }
        Path local = directory.resolve("rocksdb");
        try (Stream<Path> left = Files.walk(local)) {
            assertEquals(List.of(local), left.toList(), "working directories are deleted when the tasks end");
        }
    }
}
