package io.weir.runtime.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * The timers of one time domain of one timer service: a binary min-heap by timestamp (ties in
 * registration order) for firing, and a set per key group for de-duplication, deletion and
 * snapshots per key group. Adding, deleting and polling cost O(log n).
 *
 * <p>Threading: used by the task's thread only.
 */
final class TimerQueue<K, N> {
    private final int firstKeyGroup;
    private final List<HashMap<TimerEntry<K, N>, TimerEntry<K, N>>> byKeyGroup;
    private final ArrayList<TimerEntry<K, N>> heap = new ArrayList<>();
    private long nextSequence;
    /**
     * The timer the last {@link #add} added or found, while it is queued: a window operator
     * registers the same (key, window, time) twice per element and window (the trigger's timer and
     * the cleanup timer), so comparing with it first skips the second hash lookup.
     */
    private TimerEntry<K, N> lastAdded;

    TimerQueue(KeyGroupRange range) {
        this.firstKeyGroup = range.start();
        this.byKeyGroup = new ArrayList<>(range.size());
        for (int i = 0; i < range.size(); i++) {
            byKeyGroup.add(new HashMap<>(4));
        }
    }

    /** Adds a timer unless an equal one exists; returns whether it was added. */
    boolean add(long timestamp, K key, N namespace, int keyGroup) {
        TimerEntry<K, N> last = lastAdded;
        if (last != null && last.heapIndex >= 0 && last.matches(timestamp, key, namespace)) {
            return false;
        }
        TimerEntry<K, N> timer = new TimerEntry<>(timestamp, key, namespace, keyGroup, nextSequence);
        HashMap<TimerEntry<K, N>, TimerEntry<K, N>> set = byKeyGroup.get(keyGroup - firstKeyGroup);
        TimerEntry<K, N> existing = set.putIfAbsent(timer, timer);
        if (existing != null) {
            lastAdded = existing;
            return false;
        }
        lastAdded = timer;
        nextSequence++;
        timer.heapIndex = heap.size();
        heap.add(timer);
        siftUp(timer.heapIndex);
        return true;
    }

    /** Deletes the equal timer if there is one. */
    void remove(long timestamp, K key, N namespace, int keyGroup) {
        TimerEntry<K, N> probe = new TimerEntry<>(timestamp, key, namespace, keyGroup, 0);
        TimerEntry<K, N> timer = byKeyGroup.get(keyGroup - firstKeyGroup).remove(probe);
        if (timer != null) {
            removeFromHeap(timer.heapIndex);
        }
    }

    /** The timer that fires next, or {@code null}. */
    TimerEntry<K, N> peek() {
        return heap.isEmpty() ? null : heap.get(0);
    }

    /** Removes and returns the timer that fires next, or {@code null}. */
    TimerEntry<K, N> poll() {
        if (heap.isEmpty()) {
            return null;
        }
        TimerEntry<K, N> head = heap.get(0);
        byKeyGroup.get(head.keyGroup() - firstKeyGroup).remove(head);
        removeFromHeap(0);
        return head;
    }

    int size() {
        return heap.size();
    }

    /** The timers of one key group (for snapshots), in no particular order. */
    Collection<TimerEntry<K, N>> timersOf(int keyGroup) {
        return byKeyGroup.get(keyGroup - firstKeyGroup).keySet();
    }

    private void removeFromHeap(int index) {
        TimerEntry<K, N> removed = heap.get(index);
        TimerEntry<K, N> last = heap.remove(heap.size() - 1);
        removed.heapIndex = -1;
        if (index < heap.size()) {
            heap.set(index, last);
            last.heapIndex = index;
            siftDown(index);
            siftUp(last.heapIndex);
        }
    }

    private void siftUp(int index) {
        TimerEntry<K, N> timer = heap.get(index);
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            TimerEntry<K, N> p = heap.get(parent);
            if (!timer.before(p)) {
                break;
            }
            place(p, index);
            index = parent;
        }
        place(timer, index);
    }

    private void siftDown(int index) {
        TimerEntry<K, N> timer = heap.get(index);
        int size = heap.size();
        while (true) {
            int child = 2 * index + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap.get(child + 1).before(heap.get(child))) {
                child++;
            }
            TimerEntry<K, N> c = heap.get(child);
            if (!c.before(timer)) {
                break;
            }
            place(c, index);
            index = child;
        }
        place(timer, index);
    }

    private void place(TimerEntry<K, N> timer, int index) {
        heap.set(index, timer);
        timer.heapIndex = index;
    }
}
