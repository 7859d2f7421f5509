package io.weir.connector.file.src;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.fs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file source's enumerator fed events by hand, with a manual clock: what it assigns, when it
 * looks for new files, what its checkpoint holds, and that a restored one never hands out a file twice.
 */
class FileSourceEnumeratorTest {
    private static final long INTERVAL = 1_000;

    @TempDir
    java.nio.file.Path dir;

    private long now;

    /** Records what the enumerator tells the readers. */
    private static final class Readers implements SplitEnumeratorContext<FileSourceSplit> {
        final List<String> events = new ArrayList<>();

        @Override
        public int currentParallelism() {
            return 2;
        }

        @Override
        public Map<Integer, String> registeredReaders() {
            return Map.of(0, "localhost", 1, "localhost");
        }

        @Override
        public void assignSplit(FileSourceSplit split, int subtask) {
            events.add(subtask + " <- " + split.path().getName() + "@" + split.offset());
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            events.add(subtask + " <- no more");
        }
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private FileSourceEnumerator enumerator(Readers readers, long interval, long splitSize,
            PendingSplitsCheckpoint restored) {
        FileDiscovery discovery = new FileDiscovery(new Path[] {Path.fromLocalFile(dir.toFile())}, splitSize);
        return new FileSourceEnumerator(readers, discovery, interval, () -> now, restored);
    }

    @Test
    void boundedHandsOutBlocksInPathOrderThenSaysNoMore() throws IOException {
        write("b.txt", "0123456789");
        write("a.txt", "0123");
        write(".hidden", "never");
        write("_SUCCESS", "");
        Readers readers = new Readers();
        FileSourceEnumerator e = enumerator(readers, 0, 4, null);
        e.start();
        for (int i = 0; i < 5; i++) {
            e.handleSplitRequest(i % 2, "localhost");
        }
        assertEquals(List.of("0 <- a.txt@0", "1 <- b.txt@0", "0 <- b.txt@4", "1 <- b.txt@8", "0 <- no more"),
                readers.events);
    }

    @Test
    void boundedFailsClearlyOnAMissingPath() {
        FileDiscovery discovery = new FileDiscovery(new Path[] {new Path(dir.resolve("nope").toString())}, 10);
        FileSourceEnumerator e = new FileSourceEnumerator(new Readers(), discovery, 0, () -> 0, null);
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, e::start);
        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
    }

    @Test
    void continuousLooksForNewFilesAtMostOncePerIntervalAndNeverTwiceForOneFile() throws IOException {
        write("a.txt", "a");
        Readers readers = new Readers();
        FileSourceEnumerator e = enumerator(readers, INTERVAL, Long.MAX_VALUE, null);
        e.start();
        e.handleSplitRequest(0, "localhost");
        e.handleSplitRequest(1, "localhost"); // nothing new, and too early to look: no answer
        write("b.txt", "b");
        now += INTERVAL - 1;
        e.handleSplitRequest(1, "localhost"); // still too early
        assertEquals(List.of("0 <- a.txt@0"), readers.events);
        now += 1;
        e.handleSplitRequest(1, "localhost");
        assertEquals(List.of("0 <- a.txt@0", "1 <- b.txt@0"), readers.events);

        PendingSplitsCheckpoint checkpoint = e.snapshotState(1);
        assertEquals(new TreeSet<>(List.of(Path.fromLocalFile(dir.resolve("a.txt").toFile()),
                Path.fromLocalFile(dir.resolve("b.txt").toFile()))), new TreeSet<>(checkpoint.getAlreadyProcessedPaths()));

        write("c.txt", "c");
        Readers afterRestore = new Readers();
        FileSourceEnumerator restored = enumerator(afterRestore, INTERVAL, Long.MAX_VALUE,
                roundTrip(checkpoint));
        restored.start();
        restored.handleSplitRequest(0, "localhost");
        restored.handleSplitRequest(1, "localhost");
        assertEquals(List.of("0 <- c.txt@0"), afterRestore.events, "a and b were found before the checkpoint");
    }

    @Test
    void splitsOfAFailedReaderComeBackFirst() throws IOException {
        write("a.txt", "a");
        write("b.txt", "b");
        Readers readers = new Readers();
        FileSourceEnumerator e = enumerator(readers, 0, Long.MAX_VALUE, null);
        e.start();
        e.handleSplitRequest(0, "localhost");
        FileSourceEnumerator fresh = enumerator(new Readers(), 0, Long.MAX_VALUE, null);
        fresh.start();
        FileSourceSplit a = new ArrayList<>(fresh.pendingSplits()).get(0);
        e.addSplitsBack(List.of(a), 0);
        e.handleSplitRequest(1, "localhost");
        e.handleSplitRequest(1, "localhost");
        assertEquals(List.of("0 <- a.txt@0", "1 <- a.txt@0", "1 <- b.txt@0"), readers.events);
    }

    @Test
    void aSplitKeepsItsReaderPositionThroughTheSerializer() throws IOException {
        FileSourceSplit split = new FileSourceSplit("s3://b/k@5", new Path("s3://b/dir/a b.txt"), 5, 10, 1234, 99,
                new io.weir.connector.file.src.util.CheckpointedPosition(7, 2));
        FileSourceSplitSerializer serializer = FileSourceSplitSerializer.INSTANCE;
        assertEquals(split, serializer.deserialize(1, serializer.serialize(split)));
        FileSourceSplit fresh = new FileSourceSplit("x", new Path("/tmp/x"), 0, 1, 0, 1);
        assertEquals(fresh, serializer.deserialize(1, serializer.serialize(fresh)));
    }

    private static PendingSplitsCheckpoint roundTrip(PendingSplitsCheckpoint checkpoint) throws IOException {
        PendingSplitsCheckpoint.Serializer serializer = new PendingSplitsCheckpoint.Serializer();
        return serializer.deserialize(serializer.getVersion(), serializer.serialize(checkpoint));
    }
}
