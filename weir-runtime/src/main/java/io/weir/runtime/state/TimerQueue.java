package io.weir.runtime.state;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** The heap in {@code heap[0..size)}; an array rather than a list, as sifting is the hot loop. */
    private TimerEntry<K, N>[] heap = newArray(16);
    private int size;
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
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(timer, size++);
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
        return size == 0 ? null : heap[0];
    }

    /** Removes and returns the timer that fires next, or {@code null}. */
    TimerEntry<K, N> poll() {
        if (size == 0) {
            return null;
        }
        TimerEntry<K, N> head = heap[0];
        byKeyGroup.get(head.keyGroup() - firstKeyGroup).remove(head);
        head.heapIndex = -1;
        TimerEntry<K, N> last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last, 0); // the last leaf moved to the root can only go down
        }
        return head;
    }

    int size() {
        return size;
    }

    /** The timers of one key group (for snapshots), in no particular order. */
    Collection<TimerEntry<K, N>> timersOf(int keyGroup) {
        return byKeyGroup.get(keyGroup - firstKeyGroup).keySet();
    }

    private void removeFromHeap(int index) {
        heap[index].heapIndex = -1;
        TimerEntry<K, N> last = heap[--size];
        heap[size] = null;
        if (index < size) {
            siftDown(last, index);
            if (last.heapIndex == index) {
                siftUp(last, index);
            }
        }
    }

    /** Places {@code timer} at {@code index} or above, moving the parents it fires before down. */
    private void siftUp(TimerEntry<K, N> timer, int index) {
        TimerEntry<K, N>[] h = heap;
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            TimerEntry<K, N> p = h[parent];
            if (!timer.before(p)) {
                break;
            }
            place(p, index);
            index = parent;
        }
        place(timer, index);
    }

    /** Places {@code timer} at {@code index} or below, moving the children that fire before it up. */
    private void siftDown(TimerEntry<K, N> timer, int index) {
        TimerEntry<K, N>[] h = heap;
        int n = size;
        while (true) {
            int child = 2 * index + 1;
            if (child >= n) {
                break;
            }
            TimerEntry<K, N> c = h[child];
            if (child + 1 < n && h[child + 1].before(c)) {
                c = h[++child];
            }
            if (!c.before(timer)) {
                break;
            }
            place(c, index);
            index = child;
        }
        place(timer, index);
    }

    private void place(TimerEntry<K, N> timer, int index) {
        heap[index] = timer;
        timer.heapIndex = index;
    }

    @SuppressWarnings("unchecked")
    private static <K, N> TimerEntry<K, N>[] newArray(int length) {
        return (TimerEntry<K, N>[]) new TimerEntry<?, ?>[length];
    }
}
