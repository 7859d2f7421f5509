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
    private final SortBuffer buffer;
    private final Path spillDirectory;
    private final List<SpilledRun> runs = new ArrayList<>();
    private MergedRuns merged;
    private long entries;
    private boolean finished;

    /**
     * @param memoryBytes the budget for entries held in memory, their index included
     * @param spillDirectory where runs are written when the budget is used up
     */
    public ExternalSorter(long memoryBytes, Path spillDirectory) {
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
        return runs.size();
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
            buffer.release();
        }
        merged = new MergedRuns(runs);
        return merged;
    }

    private void spill() {
        buffer.sort();
        try {
            runs.add(SpilledRun.write(buffer.entries(), spillDirectory));
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
