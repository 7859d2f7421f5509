package io.weir.runtime.sort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts entries of (key bytes, timestamp, payload bytes) by key, then timestamp, within a memory
 * budget: entries are collected in a {@link SortBuffer}; when it is full it is sorted and written
 * to a temporary file as a run ({@link SpilledRun}), and {@link #sorted()} merges the runs with
 * what is still in memory. Entries of equal key and timestamp come out in the order they were
 * added (the sort is stable and the merge prefers earlier runs), so a job's results do not
 * depend on where the runs happened to be cut.
 *
 * <p>Keys are compared as unsigned bytes after their length: the order groups equal keys
 * together, which is all a keyed operator needs; it is not the order of the key type.
 *
 * <p>Threading: one thread (a task's) adds, sorts and reads; {@link #close()} deletes the spill
 * files and may be called at any time after that thread stopped using the sorter.
 */
public final class ExternalSorter implements AutoCloseable {
    /** Most runs merged at once. */
    static final int MAX_FAN_IN = 64;

    private final long memoryBytes;
    private final SortBuffer buffer;
    private final Path spillDirectory;
    private final List<SpilledRun> runs = new ArrayList<>();
    private MergedRuns merged;
    private int spills;
    private long entries;
    private boolean finished;

    /**
     * @param memoryBytes the budget for entries held in memory, their index included
     * @param spillDirectory where runs are written when the budget is used up
     */
    public ExternalSorter(long memoryBytes, Path spillDirectory) {
        this.memoryBytes = memoryBytes;
        this.buffer = new SortBuffer(memoryBytes);
        this.spillDirectory = spillDirectory;
    }

    /** Adds an entry; copies the bytes it is given. */
    public void add(byte[] key, int keyOffset, int keyLength, long timestamp, byte[] payload, int payloadOffset,
            int payloadLength) {
        if (finished) {
            throw new IllegalStateException("The sorter was already read; nothing can be added.");
        }
        if (!buffer.tryAdd(key, keyOffset, keyLength, timestamp, payload, payloadOffset, payloadLength)) {
            spill();
            if (!buffer.tryAdd(key, keyOffset, keyLength, timestamp, payload, payloadOffset, payloadLength)) {
                buffer.addOversized(key, keyOffset, keyLength, timestamp, payload, payloadOffset, payloadLength);
            }
        }
        entries++;
    }

    /** Number of entries added. */
    public long size() {
        return entries;
    }

    /** Number of runs written to disk so far (for tests and metrics). */
    public int spilledRuns() {
        return spills;
    }

    /**
     * All entries in order. Call once, after the last {@link #add}; the cursor is valid until
     * {@link #close()}.
     */
    public SortedEntries sorted() throws IOException {
        if (finished) {
            throw new IllegalStateException("The sorter was already read.");
        }
        finished = true;
        buffer.sort();
        if (runs.isEmpty()) {
            return buffer.entries();
        }
        if (buffer.count() > 0) {
            runs.add(SpilledRun.write(buffer.entries(), spillDirectory));
            spills++;
            buffer.release();
        }
        reduceToFanIn();
        merged = new MergedRuns(runs, readBufferBytes());
        return merged;
    }

    /**
     * Merges the earliest runs into one until at most {@link #MAX_FAN_IN} are left, so the final
     * merge keeps few files open; merging consecutive runs from the front keeps ties in order.
     */
    private void reduceToFanIn() throws IOException {
        while (runs.size() > MAX_FAN_IN) {
            List<SpilledRun> first = new ArrayList<>(runs.subList(0, MAX_FAN_IN));
            MergedRuns merge = new MergedRuns(first, readBufferBytes());
            SpilledRun combined;
            try {
                combined = SpilledRun.write(merge, spillDirectory);
            } finally {
                merge.close();
            }
            first.forEach(SpilledRun::delete);
            runs.subList(0, MAX_FAN_IN).clear();
            runs.add(0, combined);
        }
    }

    /** Read buffers share the memory budget, between 4 and 64 kb each. */
    private int readBufferBytes() {
        long share = memoryBytes / Math.max(1, Math.min(runs.size(), MAX_FAN_IN));
        return (int) Math.max(4096, Math.min(64 * 1024, share));
    }

    private void spill() {
        buffer.sort();
        try {
            runs.add(SpilledRun.write(buffer.entries(), spillDirectory));
            spills++;
        } catch (IOException e) {
            throw new UncheckedIOException("Sorting the input of a BATCH job needed to spill to " + spillDirectory
                    + " and writing there failed: " + e.getMessage() + ". Give the directory room, or raise "
                    + "execution.sorted-inputs.memory.", e);
        }
        buffer.clear();
    }

    /** Deletes the spill files and frees the memory. */
    @Override
    public void close() {
        buffer.release();
        if (merged != null) {
            try {
                merged.close();
            } catch (IOException e) {
                // only reading handles: the files are deleted below either way
            }
        }
        for (SpilledRun run : runs) {
            run.delete();
        }
        runs.clear();
    }
}
