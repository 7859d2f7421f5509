package io.weir.runtime.sort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges sorted runs into one sorted sequence: a priority queue holds each run's current entry;
 * of equal entries the earlier run's comes first, which keeps the order of equal entries as they
 * were added. All runs are read at once, each through its own buffer.
 *
 * <p>Threading: one thread.
 */
final class MergedRuns implements SortedEntries {
    private final PriorityQueue<Head> queue;
    private final List<SpilledRun.Reader> readers = new ArrayList<>();
    private Head current;

    private record Head(SpilledRun.Reader reader, int run) {}

    MergedRuns(List<SpilledRun> runs, int readBufferBytes) throws IOException {
        queue = new PriorityQueue<>(Math.max(1, runs.size()), MergedRuns::compare);
        for (int i = 0; i < runs.size(); i++) {
            SpilledRun.Reader reader = runs.get(i).open(readBufferBytes);
            readers.add(reader);
            if (reader.next()) {
                queue.add(new Head(reader, i));
            }
        }
    }

    private static int compare(Head a, Head b) {
        SortedEntries x = a.reader();
        SortedEntries y = b.reader();
        int c = EntryOrder.compare(x.keyBytes(), x.keyOffset(), x.keyLength(), x.timestamp(),
                y.keyBytes(), y.keyOffset(), y.keyLength(), y.timestamp());
        return c != 0 ? c : Integer.compare(a.run(), b.run());
    }

    @Override
    public boolean next() throws IOException {
        if (current != null && current.reader().next()) {
            queue.add(current);
        }
        current = queue.poll();
        if (current == null) {
            close();
            return false;
        }
        return true;
    }

    /** Closes the run files (also when the merge was not read to its end). */
    void close() throws IOException {
        for (SpilledRun.Reader reader : readers) {
            reader.close();
        }
        readers.clear();
    }

    @Override
    public byte[] keyBytes() {
        return current.reader().keyBytes();
    }

    @Override
    public int keyOffset() {
        return current.reader().keyOffset();
    }

    @Override
    public int keyLength() {
        return current.reader().keyLength();
    }

    @Override
    public long timestamp() {
        return current.reader().timestamp();
    }

    @Override
    public byte[] payloadBytes() {
        return current.reader().payloadBytes();
    }

    @Override
    public int payloadOffset() {
        return current.reader().payloadOffset();
    }

    @Override
    public int payloadLength() {
        return current.reader().payloadLength();
    }
}
