package io.weir.runtime.state;

import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The key groups of a {@link StateTable} as they were when a snapshot was taken: the table's own
 * maps, not copies. The table stops changing a key group's maps in place while a snapshot may still
 * read them; it copies the group (maps and values) at its first access instead. The snapshot's
 * writer {@link #release releases} each group once it is written, after which the table may change
 * that group in place again without copying.
 *
 * <p>A group's maps may be shared by several snapshots (taken one after the other while the group
 * was not touched): this snapshot then remembers the older one per group, and a group counts as
 * released only when every snapshot sharing its maps released it.
 *
 * <p>Threading: taken on the task's thread; {@link #group} and {@link #release} on the thread that
 * writes the snapshot (the checkpoint I/O thread), {@link #releasedByAll} on the task's thread.
 * Releases are published through an atomic array, so the task's thread sees a group released only
 * after the writer is done reading it.
 */
final class StateTableSnapshot<K, N, S> {
    private final HashMap<N, HashMap<K, S>>[] groups;
    private final StateTableSnapshot<K, N, S>[] older;
    private final AtomicIntegerArray released;

    @SuppressWarnings("unchecked")
    StateTableSnapshot(List<HashMap<N, HashMap<K, S>>> groups, StateTableSnapshot<K, N, S>[] sharing) {
        this.groups = groups.toArray(new HashMap[0]);
        this.older = new StateTableSnapshot[this.groups.length];
        for (int i = 0; i < older.length; i++) {
            StateTableSnapshot<K, N, S> previous = sharing[i];
            older[i] = previous == null || previous.releasedByAll(i) ? null : previous;
        }
        this.released = new AtomicIntegerArray(this.groups.length);
    }

    /** The {@code index}-th key group of the range as it was: namespace → key → value. Not to be changed. */
    HashMap<N, HashMap<K, S>> group(int index) {
        return groups[index];
    }

    /** The writer is done with the {@code index}-th key group. */
    void release(int index) {
        groups[index] = null;
        released.set(index, 1);
    }

    /** Releases every group: the snapshot was written, failed or was given up. */
    void releaseAll() {
        for (int i = 0; i < groups.length; i++) {
            release(i);
        }
    }

    /** Whether neither this snapshot nor an older one sharing the group's maps still reads them. */
    boolean releasedByAll(int index) {
        if (released.get(index) == 0) {
            return false;
        }
        StateTableSnapshot<K, N, S> previous = older[index];
        if (previous != null && !previous.releasedByAll(index)) {
            return false;
        }
        older[index] = null; // no need to ask again; lets the older snapshot go
        return true;
    }
}
