package io.weir.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobID;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class BlockingResultsTest {
    @TempDir
    Path spillDirectory;

    private final JobID job = JobID.generate();

    /** Writes {@code count} buffers of 100 bytes (buffer i filled with byte i) as a producer would. */
    private static void write(BufferReceiver target, int count) throws Exception {
        BufferPool pool = new BufferPool(2, 128);
        for (int i = 0; i < count; i++) {
            Buffer buffer = pool.request();
            for (int b = 0; b < 100; b++) {
                buffer.data().writeByte(i);
            }
            target.push(buffer); // the subpartition copies it and hands it back at once
        }
        target.finish();
        assertEquals(2, pool.available(), "every buffer came back to the producer");
    }

    /** A consumer that reads what is replayed to it and recycles each buffer. */
    private static final class Reader implements BufferReceiver {
        final List<byte[]> read = new ArrayList<>();
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        int channel = -1;

        @Override
        public synchronized void push(Buffer buffer) {
            read.add(java.util.Arrays.copyOf(buffer.bytes(), buffer.length()));
            channel = buffer.channel();
            buffer.recycle();
        }

        @Override
        public List<byte[]> prioritize(Buffer priority) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void finish() {
            finished.complete(null);
        }
    }

    private static void assertReadBack(Reader reader, int count) {
        assertEquals(count, reader.read.size());
        for (int i = 0; i < count; i++) {
            byte[] expected = new byte[100];
            java.util.Arrays.fill(expected, (byte) i);
            assertArrayEquals(expected, reader.read.get(i), "buffer " + i);
        }
    }

    private long spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(spillDirectory)) {
            return files.count();
        }
    }

    @Test
    void aResultBeyondItsMemoryIsSpilledAndReplayedInOrderAsOftenAsAsked() throws Exception {
        BlockingResults results = new BlockingResults(spillDirectory);
        ResultKey key = new ResultKey(job, 1, 0, 0);
        BlockingMemory memory = new BlockingMemory(1000); // ten of the fifty buffers fit
        write(results.create(key, 7, memory), 50);
        assertTrue(results.get(key).spilled());
        assertEquals(1, spillFiles());
        for (int replay = 0; replay < 2; replay++) { // a restarted consumer reads it again
            Reader reader = new Reader();
            results.replay(key, reader, 32);
            reader.finished.get(10, TimeUnit.SECONDS);
            assertReadBack(reader, 50);
            assertEquals(7, reader.channel);
        }
        results.release(job);
        assertEquals(0, spillFiles(), "releasing the job deleted the file");
        assertEquals(0, results.size());
    }

    @Test
    void aResultThatFitsStaysOnTheHeap() throws Exception {
        BlockingResults results = new BlockingResults(spillDirectory);
        ResultKey key = new ResultKey(job, 1, 0, 0);
        write(results.create(key, 0, new BlockingMemory(1 << 20)), 50);
        assertFalse(results.get(key).spilled());
        assertEquals(0, spillFiles());
        Reader reader = new Reader();
        results.replay(key, reader, 32);
        reader.finished.get(10, TimeUnit.SECONDS);
        assertReadBack(reader, 50);
    }

    @Test
    void aProducerRunningAgainReplacesItsResult() throws Exception {
        BlockingResults results = new BlockingResults(spillDirectory);
        ResultKey key = new ResultKey(job, 1, 0, 0);
        write(results.create(key, 0, new BlockingMemory(0)), 5);
        write(results.create(key, 0, new BlockingMemory(0)), 3);
        assertEquals(1, spillFiles(), "the first attempt's file was deleted");
        Reader reader = new Reader();
        results.replay(key, reader, 32);
        reader.finished.get(10, TimeUnit.SECONDS);
        assertReadBack(reader, 3);
    }

    @Test
    void replayingAResultThatIsNotKeptOrNotFinishedSaysWhich() {
        BlockingResults results = new BlockingResults(spillDirectory);
        ResultKey key = new ResultKey(job, 4, 1, 0);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> results.replay(key, new Reader(), 32));
        assertTrue(missing.getMessage().contains("producer subtask 1 on edge 4"), missing.getMessage());
        results.create(key, 0, new BlockingMemory(0));
        IllegalStateException unfinished = assertThrows(IllegalStateException.class,
                () -> results.replay(key, new Reader(), 32));
        assertTrue(unfinished.getMessage().contains("has not finished"), unfinished.getMessage());
    }
}
