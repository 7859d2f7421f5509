package io.weir.statebackend.rocksdb;

import static io.weir.testutils.state.StateFixtures.assertFilled;
import static io.weir.testutils.state.StateFixtures.fill;
import static io.weir.testutils.state.StateFixtures.keys;
import static io.weir.testutils.state.StateFixtures.list;
import static io.weir.testutils.state.StateFixtures.map;
import static io.weir.testutils.state.StateFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.DeferredKeyGroups;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.state.KeyedStateSnapshot;
import io.weir.testutils.state.StateBackendHarness;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksIterator;

/**
 * Full RocksDB checkpoints are written off the task's thread: the task takes a database snapshot,
 * another thread (here standing in for the checkpoint I/O thread) iterates it, and disposing the
 * backend meanwhile neither closes the database under a reader nor leaks the snapshot.
 */
@Timeout(60)
class RocksDBAsyncSnapshotTest {
    private static final KeyGroupRange ALL = new KeyGroupRange(0, 127);

    @TempDir
    Path temporary;
    private StateBackendHarness harness;
    private StateBackendHarness heap;
    private final ExecutorService checkpointIo = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createHarnesses() {
        Configuration config = new Configuration();
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporary.resolve("local").toString());
        harness = new StateBackendHarness(new EmbeddedRocksDBStateBackend(), config, temporary.resolve("checkpoints"));
        heap = new StateBackendHarness(new HashMapStateBackend(), new Configuration(), temporary.resolve("heap"));
    }

    @AfterEach
    void dispose() {
        checkpointIo.shutdownNow();
        harness.close();
        heap.close();
    }

    private AbstractKeyedStateBackend<String> backend(StateBackendHarness on) {
        return on.create(ALL, 128, Types.STRING.createSerializer(new SerializerConfig()), () -> 0L);
    }

    /** Reads the snapshot's key groups on the "I/O thread", as the task executor persists them. */
    private Map<Integer, byte[]> writtenOnIoThread(KeyedStateSnapshot snapshot) throws Exception {
        return CompletableFuture.supplyAsync(() -> Map.copyOf(snapshot.keyGroups()), checkpointIo)
                .get(30, TimeUnit.SECONDS);
    }

    private static OperatorSubtaskState state(Map<Integer, byte[]> keyGroups) {
        return new OperatorSubtaskState(ALL, keyGroups, List.of(), List.of());
    }

    private static RocksDatabase database(AbstractKeyedStateBackend<String> backend) {
        return ((RocksDBKeyedStateBackend<String>) backend).database();
    }

    @Test
    void writesAfterTheBarrierDoNotAppearInTheCheckpoint() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(harness);
        fill(original);
        KeyedStateSnapshot snapshot = original.snapshot(1, false);
        assertInstanceOf(DeferredKeyGroups.class, snapshot.keyGroups(), "the I/O thread writes the bytes");
        for (String key : keys()) { // the task goes on before the I/O thread has written anything
            original.setCurrentKey(key);
            original.getPartitionedState(value()).update(-1L);
            original.getPartitionedState(list()).add("later");
            original.getPartitionedState(map()).remove(key);
        }
        original.setCurrentKey("a key written after the barrier");
        original.getPartitionedState(value()).update(7L);

        Map<Integer, byte[]> written = writtenOnIoThread(snapshot);
        AbstractKeyedStateBackend<String> restored = backend(harness);
        StateBackendHarness.restore(restored, state(written));
        assertFilled(restored, keys());
        restored.setCurrentKey("a key written after the barrier");
        assertEquals(null, restored.getPartitionedState(value()).value());
        assertEquals(keys().size(), restored.getKeys(value().getName()).size());

        // the bytes are still the canonical format: the heap backend restores them
        AbstractKeyedStateBackend<String> onHeap = backend(heap);
        StateBackendHarness.restore(onHeap, state(written));
        assertFilled(onHeap, keys());
    }

    /**
     * The memtable updates values in place: a value of the same size written after the barrier
     * overwrites the entry the checkpoint would read, unless the snapshot switched the memtable.
     */
    @Test
    void valuesOverwrittenInPlaceAfterTheBarrierKeepTheirCheckpointedValue() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(harness);
        var state = original.getPartitionedState(value());
        for (int round = 0; round < 3; round++) { // written again and again: one memtable entry each
            for (String key : keys()) {
                original.setCurrentKey(key);
                state.update(1_000L + round);
            }
        }
        KeyedStateSnapshot first = original.snapshot(1, false);
        for (String key : keys()) {
            original.setCurrentKey(key);
            assertEquals(1_002L, state.value());
            state.update(2_000L);
        }
        KeyedStateSnapshot second = original.snapshot(2, false);
        for (String key : keys()) {
            original.setCurrentKey(key);
            state.update(3_000L);
        }

        for (var checkpoint : List.of(Map.entry(first, 1_002L), Map.entry(second, 2_000L))) {
            AbstractKeyedStateBackend<String> restored = backend(harness);
            StateBackendHarness.restore(restored, state(writtenOnIoThread(checkpoint.getKey())));
            for (String key : keys()) {
                restored.setCurrentKey(key);
                assertEquals(checkpoint.getValue(), restored.getPartitionedState(value()).value(), key);
            }
            restored.dispose();
        }
        for (String key : keys()) {
            original.setCurrentKey(key);
            assertEquals(3_000L, state.value());
        }
    }

    @Test
    void theDatabaseSnapshotIsReleasedWhenWritingEnds() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(harness);
        fill(original);
        KeyedStateSnapshot snapshot = original.snapshot(1, false);
        assertEquals(1, database(original).openSnapshots());
        assertEquals(database(original).states().size(), database(original).openIterators(),
                "one per state, opened at the barrier");

        writtenOnIoThread(snapshot);
        assertEquals(0, database(original).openSnapshots());
        assertEquals(0, database(original).openIterators());
    }

    @Test
    void aSavepointIsWrittenOnTheTasksThreadAndHoldsNoSnapshot() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(harness);
        fill(original);
        KeyedStateSnapshot savepoint = original.snapshot(1, true);
        assertTrue(!(savepoint.keyGroups() instanceof DeferredKeyGroups), "a savepoint is written at once");
        assertEquals(0, database(original).openSnapshots());
    }

    @Test
    void disposingBeforeTheWriteReleasesTheSnapshotAndTheWriteFailsSayingWhy() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(harness);
        fill(original);
        RocksDatabase database = database(original);
        KeyedStateSnapshot snapshot = original.snapshot(1, false);

        original.dispose(); // the task ended (or was cancelled) before the I/O thread started
        assertEquals(0, database.openSnapshots());
        Exception e = assertThrows(Exception.class, () -> writtenOnIoThread(snapshot));
        UncheckedIOException cause = assertInstanceOf(UncheckedIOException.class, e.getCause());
        assertTrue(cause.getMessage().contains("task ended") && cause.getMessage().contains("given up"),
                cause.getMessage());
    }

    @Test
    void disposeWaitsForARunningReadAndTellsTheWriterToStop() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(harness);
        fill(original);
        RocksDatabase database = database(original);
        KeyedStateSnapshot snapshot = original.snapshot(1, false);
        // the I/O thread is in the middle of a key group: an iterator is open on the snapshot
        DatabaseSnapshot reading = database.snapshot(1);
        RocksIterator iterator = reading.beginRead(database.states().get(value().getName()));

        Thread task = new Thread(original::dispose, "task ending");
        task.start();
        while (task.getState() != Thread.State.WAITING) { // bounded by the class's timeout
            assertTrue(task.isAlive(), "dispose returned while an iterator was open on the database");
            Thread.onSpinWait();
        }
        assertTrue(reading.aborted(), "the reader is told to stop");
        iterator.seekToFirst(); // the database is still open under the reader
        assertTrue(iterator.isValid());
        // the checkpoint's own write, starting now, gives up at once instead of reading a closing database
        Exception e = assertThrows(Exception.class, () -> writtenOnIoThread(snapshot));
        assertTrue(e.getCause().getMessage().contains("task ended"), e.getCause().getMessage());

        iterator.close();
        reading.endRead();
        task.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!task.isAlive(), "dispose finishes once the read ended");
        assertEquals(0, database.openSnapshots(), "every snapshot is released, read or not");
    }
}
