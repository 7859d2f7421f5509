package io.weir.runtime.state;

/**
 * The timers of one key group, found by (timestamp, key, namespace): an open-addressing hash table
 * with linear probing. A lookup takes the fields, not a probe timer, so registering a timer that
 * exists (what a window operator does for most elements) allocates nothing, and the table holds the
 * timers themselves, without a node per entry.
 *
 * <p>Threading: used by the task's thread only.
 */
final class TimerSet<K, N> {
    private static final int GOLDEN = 0x9E3779B9;

    private TimerEntry<K, N>[] table;
    private int mask;
    private int size;

    TimerSet() {
        table = newTable(4);
        mask = 3;
    }

    int size() {
        return size;
    }

    /** The timer with these fields, or {@code null}; {@code hash} is {@link TimerEntry#hash}. */
    TimerEntry<K, N> find(long timestamp, K key, N namespace, int hash) {
        TimerEntry<K, N>[] t = table;
        for (int i = slot(hash); ; i = (i + 1) & mask) {
            TimerEntry<K, N> timer = t[i];
            if (timer == null) {
                return null;
            }
            if (timer.hashCode() == hash && timer.matches(timestamp, key, namespace)) {
                return timer;
            }
        }
    }

    /** Adds a timer that is not in the set. */
    void insert(TimerEntry<K, N> timer) {
        if (2 * (size + 1) > table.length) {
            grow();
        }
        place(timer);
        size++;
    }

    /** Removes and returns the timer with these fields, or returns {@code null}. */
    TimerEntry<K, N> remove(long timestamp, K key, N namespace, int hash) {
        TimerEntry<K, N>[] t = table;
        for (int i = slot(hash); ; i = (i + 1) & mask) {
            TimerEntry<K, N> timer = t[i];
            if (timer == null) {
                return null;
            }
            if (timer.hashCode() == hash && timer.matches(timestamp, key, namespace)) {
                removeAt(i);
                return timer;
            }
        }
    }

    /** Removes this very timer, which is in the set. */
    void remove(TimerEntry<K, N> timer) {
        TimerEntry<K, N>[] t = table;
        int i = slot(timer.hashCode());
        while (t[i] != timer) {
            i = (i + 1) & mask;
        }
        removeAt(i);
    }

    /**
     * Empties slot {@code i} and moves later timers of its probe run back so that every timer stays
     * reachable from its home slot without passing an empty one.
     */
    private void removeAt(int i) {
        TimerEntry<K, N>[] t = table;
        t[i] = null;
        size--;
        for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
            int home = slot(t[j].hashCode());
            // t[j] may move to i unless its home lies cyclically in (i, j]
            boolean homeBetween = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!homeBetween) {
                t[i] = t[j];
                t[j] = null;
                i = j;
            }
        }
    }

    private int slot(int hash) {
        int h = hash * GOLDEN;
        return (h ^ (h >>> 16)) & mask;
    }

    private void place(TimerEntry<K, N> timer) {
        TimerEntry<K, N>[] t = table;
        int i = slot(timer.hashCode());
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = timer;
    }

    private void grow() {
        TimerEntry<K, N>[] old = table;
        table = newTable(old.length * 2);
        mask = table.length - 1;
        for (TimerEntry<K, N> timer : old) {
            if (timer != null) {
                place(timer);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, N> TimerEntry<K, N>[] newTable(int length) {
        return (TimerEntry<K, N>[]) new TimerEntry<?, ?>[length];
    }
}
