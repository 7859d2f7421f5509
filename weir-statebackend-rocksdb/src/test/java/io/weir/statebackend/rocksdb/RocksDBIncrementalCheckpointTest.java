package io.weir.statebackend.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.KeyedStateFiles;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.testutils.state.StateBackendHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What makes RocksDB checkpoints incremental: a checkpoint stores only the data files not stored before. */
class RocksDBIncrementalCheckpointTest {
    private static final KeyGroupRange ALL = new KeyGroupRange(0, 127);
    private static final ValueStateDescriptor<String> VALUE = new ValueStateDescriptor<>("value", String.class);

    @TempDir
    Path temporary;
    private StateBackendHarness harness;

    @BeforeEach
    void createHarness() {
        Configuration config = new Configuration();
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporary.resolve("local").toString());
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        harness = new StateBackendHarness(new EmbeddedRocksDBStateBackend(), config, temporary.resolve("checkpoints"));
    }

    @AfterEach
    void dispose() {
        harness.close();
    }

    private AbstractKeyedStateBackend<Integer> backend() {
        return harness.create(ALL, 128, Types.INT.createSerializer(new SerializerConfig()), () -> 0L);
    }

    private static void write(AbstractKeyedStateBackend<Integer> backend, int from, int to, String value)
            throws Exception {
        ValueState<String> state = backend.getPartitionedState(VALUE);
        for (int key = from; key < to; key++) {
            backend.setCurrentKey(key);
            state.update(value + key);
        }
    }

    private static Set<String> sharedPaths(OperatorSubtaskState state) {
        KeyedStateFiles.Stored files = (KeyedStateFiles.Stored) state.keyedFiles().get(0);
        return files.sharedFiles().stream().map(KeyedStateFiles.SharedFile::path).collect(Collectors.toSet());
    }

    private Set<String> storedFiles() throws Exception {
        try (Stream<Path> files = Files.list(harness.jobDirectory().resolve("shared"))) {
            return files.map(p -> "shared/" + p.getFileName()).collect(Collectors.toSet());
        }
    }

    @Test
    void aCheckpointStoresOnlyTheFilesWrittenSinceThePreviousOne() throws Exception {
        AbstractKeyedStateBackend<Integer> backend = backend();
        write(backend, 0, 10_000, "first-");
        OperatorSubtaskState first = harness.checkpoint(backend, 1, false);
        Set<String> firstFiles = sharedPaths(first);
        assertFalse(firstFiles.isEmpty());
        assertEquals(firstFiles, storedFiles());

        write(backend, 0, 10, "changed-");
        OperatorSubtaskState second = harness.checkpoint(backend, 2, false);
        Set<String> secondFiles = sharedPaths(second);
        Set<String> reused = new HashSet<>(secondFiles);
        reused.retainAll(firstFiles);
        assertEquals(firstFiles, reused, "the files of the first checkpoint are referenced, not stored again");
        Set<String> added = new HashSet<>(secondFiles);
        added.removeAll(firstFiles);
        assertEquals(1, added.size(), "one new file holds the ten changed keys: " + added);
        assertEquals(secondFiles, storedFiles());
        long largestFirst = 0;
        for (String file : firstFiles) { // the first checkpoint may span several files: compare with its largest
            largestFirst = Math.max(largestFirst, Files.size(harness.jobDirectory().resolve(file)));
        }
        assertTrue(Files.size(harness.jobDirectory().resolve(added.iterator().next())) < largestFirst);
    }

    @Test
    void aRestoredDatabaseReferencesTheFilesItWasRestoredFrom() throws Exception {
        AbstractKeyedStateBackend<Integer> original = backend();
        write(original, 0, 1_000, "v");
        OperatorSubtaskState first = harness.checkpoint(original, 1, false);

        AbstractKeyedStateBackend<Integer> restored = backend();
        StateBackendHarness.restore(restored, first);
        OperatorSubtaskState second = harness.checkpoint(restored, 2, false);
        assertEquals(sharedPaths(first), sharedPaths(second));
        assertEquals(sharedPaths(first), storedFiles(), "nothing stored twice");
        restored.setCurrentKey(7);
        assertEquals("v7", restored.getPartitionedState(VALUE).value());
    }

    @Test
    void theWorkingDirectoryHoldsNoCheckpointOnceStoredAndIsDeletedWhenTheTaskEnds() throws Exception {
        AbstractKeyedStateBackend<Integer> backend = backend();
        write(backend, 0, 100, "v");
        harness.checkpoint(backend, 1, false);
        Path working = ((RocksDBKeyedStateBackend<Integer>) backend).workingDirectory();
        try (Stream<Path> files = Files.list(working)) {
            assertEquals(List.of("db"), files.map(p -> p.getFileName().toString()).toList());
        }
        backend.dispose();
        assertFalse(Files.exists(working));
    }
}
