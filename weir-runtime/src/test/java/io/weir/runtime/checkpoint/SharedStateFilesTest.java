package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.execution.JobID;
import io.weir.runtime.state.KeyGroupRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental checkpoints in a checkpoint directory: database files are stored once in the job's
 * {@code shared/} directory, referenced by every checkpoint that has them, and deleted when the
 * last retained checkpoint using them is discarded. Plain files stand in for a database's files.
 */
class SharedStateFilesTest {
    private static final KeyGroupRange ALL = new KeyGroupRange(0, 127);
    private static final TaskKey TASK = new TaskKey(1, 0);

    @TempDir
    Path temporary;

    private final JobID job = JobID.generate();
    private int localDirectories;

    private CheckpointStorage storage() {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, temporary.resolve("checkpoints").toString());
        return CheckpointStorage.create(CheckpointingSettings.of(config), job);
    }

    private Path jobDirectory() {
        return temporary.resolve("checkpoints").resolve(job.toHexString());
    }

    /** A local database checkpoint with the given files (name → content). */
    private TaskStateSnapshot local(long checkpointId, Map<String, String> files,
            Map<String, KeyedStateFiles.SharedFile> restored) throws IOException {
        Path dir = temporary.resolve("local-" + localDirectories++);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        KeyedStateFiles.Local local = new KeyedStateFiles.Local("rocksdb", ALL, dir, "instance", restored);
        return new TaskStateSnapshot(checkpointId, Map.of(7, new OperatorSubtaskState(ALL, Map.of(), List.of(),
                List.of(local))));
    }

    private CompletedCheckpoint commit(CheckpointStorage storage, long id, TaskStateHandle handle) throws IOException {
        PendingCheckpoint pending = new PendingCheckpoint(new CheckpointBarrier(id, 0), Set.of(TASK), Map.of());
        pending.acknowledge(TASK, handle);
        return storage.commit(pending, new JobTopology(Map.of(), Map.of()));
    }

    private Path shared(String name) {
        return jobDirectory().resolve("shared").resolve("instance-" + name);
    }

    @Test
    void aFileIsStoredOnceAndDeletedWithTheLastCheckpointUsingIt() throws Exception {
        CheckpointStorage storage = storage();
        TaskStateHandle first = storage.writeTaskState(1, TASK,
                local(1, Map.of("000001.sst", "one", "MANIFEST-000001", "m1"), Map.of()));
        commit(storage, 1, first);
        assertEquals("one", Files.readString(shared("000001.sst")));
        assertFalse(Files.exists(jobDirectory().resolve("shared").resolve("instance-MANIFEST-000001")),
                "small files are kept inline");

        // the second checkpoint has the same immutable file and a new one: only the new one is written
        TaskStateHandle second = storage.writeTaskState(2, TASK,
                local(2, Map.of("000001.sst", "not written again", "000002.sst", "two", "MANIFEST-000002", "m2"),
                        Map.of()));
        assertEquals(List.of("shared/instance-000001.sst", "shared/instance-000002.sst"),
                ((TaskStateHandle.InFile) second).sharedFiles().stream().sorted().toList());
        CompletedCheckpoint completed = commit(storage, 2, second);
        assertEquals("one", Files.readString(shared("000001.sst")));

        storage.discard(1);
        assertTrue(Files.exists(shared("000001.sst")), "checkpoint 2 still uses it");
        OperatorSubtaskState restored = storage.readTaskState(completed, second).of(7);
        KeyedStateFiles.Stored files = (KeyedStateFiles.Stored) restored.keyedFiles().get(0);
        assertEquals(2, files.sharedFiles().size());
        for (KeyedStateFiles.SharedFile file : files.sharedFiles()) {
            assertTrue(Files.exists(files.locate(file)), file.toString());
        }
        assertEquals("m2", new String(files.inlineFiles().get("MANIFEST-000002"), StandardCharsets.UTF_8));

        storage.discard(2);
        assertFalse(Files.exists(shared("000001.sst")));
        assertFalse(Files.exists(shared("000002.sst")));
    }

    @Test
    void theLocalDirectoryIsDeletedOnceStored() throws Exception {
        CheckpointStorage storage = storage();
        TaskStateSnapshot state = local(1, Map.of("000001.sst", "one"), Map.of());
        Path dir = ((KeyedStateFiles.Local) state.of(7).keyedFiles().get(0)).directory();
        storage.writeTaskState(1, TASK, state);
        assertFalse(Files.exists(dir));
    }

    @Test
    void aFileTheDatabaseWasRestoredFromIsReferencedAgainNotCopied() throws Exception {
        CheckpointStorage storage = storage();
        TaskStateHandle first = storage.writeTaskState(1, TASK, local(1, Map.of("000001.sst", "one"), Map.of()));
        commit(storage, 1, first);
        // a new database instance, restored from checkpoint 1, still has 000001.sst
        Map<String, KeyedStateFiles.SharedFile> restored = Map.of("000001.sst", new KeyedStateFiles.SharedFile(
                "000001.sst", shared("000001.sst").toAbsolutePath().toString(), 3));
        Path dir = temporary.resolve("other");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("000001.sst"), "one");
        TaskStateHandle second = storage.writeTaskState(2, TASK, new TaskStateSnapshot(2, Map.of(7,
                new OperatorSubtaskState(ALL, Map.of(), List.of(), List.of(new KeyedStateFiles.Local("rocksdb", ALL,
                        dir, "second-instance", restored))))));
        assertEquals(List.of("shared/instance-000001.sst"), ((TaskStateHandle.InFile) second).sharedFiles());
    }

    @Test
    void aCheckpointReferringToAFileDeletedMeanwhileDoesNotComplete() throws Exception {
        CheckpointStorage storage = storage();
        TaskStateHandle first = storage.writeTaskState(1, TASK, local(1, Map.of("000001.sst", "one"), Map.of()));
        commit(storage, 1, first);
        // the task of checkpoint 2 saw the file and did not write it; checkpoint 1 is discarded before 2 completes
        TaskStateHandle second = storage.writeTaskState(2, TASK, local(2, Map.of("000001.sst", "one"), Map.of()));
        storage.discard(1);
        IOException e = assertThrows(IOException.class, () -> commit(storage, 2, second));
        assertTrue(e.getMessage().contains("shared/instance-000001.sst"), e.getMessage());
        TaskStateHandle third = storage.writeTaskState(3, TASK, local(3, Map.of("000001.sst", "one"), Map.of()));
        commit(storage, 3, third);
        assertTrue(Files.exists(shared("000001.sst")), "the next checkpoint writes it again");
    }

    @Test
    void checkpointsKeptInMemoryHoldEveryFileInline() throws Exception {
        CheckpointStorage storage = CheckpointStorage.create(CheckpointingSettings.of(new Configuration()), job);
        TaskStateHandle handle = storage.writeTaskState(1, TASK, local(1, Map.of("000001.sst", "one"), Map.of()));
        KeyedStateFiles.Stored files = (KeyedStateFiles.Stored) ((TaskStateHandle.InMemory) handle).state().of(7)
                .keyedFiles().get(0);
        assertTrue(files.sharedFiles().isEmpty());
        assertEquals("one", new String(files.inlineFiles().get("000001.sst"), StandardCharsets.UTF_8));
    }
}
