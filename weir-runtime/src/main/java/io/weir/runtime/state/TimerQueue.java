package io.weir.runtime.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * The timers of one time domain of one timer service, fired by timestamp and, at equal timestamps,
 * in registration order; and a set per key group for de-duplication, deletion and snapshots per
 * key group.
 *
 * <p>The timers of one timestamp form a {@link Bucket}, a doubly linked list in registration
 * order, and the buckets are sorted by timestamp. Window operators register many timers at few
 * timestamps (every key's window ends at the same instants), so firing takes the head of the
 * first bucket in O(1) instead of sifting a heap of all timers, and adding mostly appends to the
 * bucket added to last. Deleting is O(1) plus O(log b) when a bucket empties (b buckets).
 *
 * <p>Threading: used by the task's thread only.
 */
final class TimerQueue<K, N> {
    private final int firstKeyGroup;
    private final List<HashMap<TimerEntry<K, N>, TimerEntry<K, N>>> byKeyGroup;
    private final TreeMap<Long, Bucket<K, N>> buckets = new TreeMap<>();
    /** The bucket with the smallest timestamp, {@code null} when there are no timers. */
    private Bucket<K, N> first;
    /** The bucket {@link #add} appended to last, to skip the sorted map while timestamps repeat. */
    private Bucket<K, N> lastBucket;
    /**
     * The timer the last {@link #add} added or found, while it is queued: a window operator
     * registers the same (key, window, time) twice per element and window (the trigger's timer and
     * the cleanup timer), so comparing with it first skips the second hash lookup.
     */
    private TimerEntry<K, N> lastAdded;
    private int size;

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
        if (last != null && last.bucket != null && last.matches(timestamp, key, namespace)) {
            return false;
        }
        TimerEntry<K, N> timer = new TimerEntry<>(timestamp, key, namespace, keyGroup);
        HashMap<TimerEntry<K, N>, TimerEntry<K, N>> set = byKeyGroup.get(keyGroup - firstKeyGroup);
        TimerEntry<K, N> existing = set.putIfAbsent(timer, timer);
        if (existing != null) {
            lastAdded = existing;
            return false;
        }
        lastAdded = timer;
        bucketFor(timestamp).append(timer);
        size++;
        return true;
    }

    /** Deletes the equal timer if there is one. */
    void remove(long timestamp, K key, N namespace, int keyGroup) {
        TimerEntry<K, N> probe = new TimerEntry<>(timestamp, key, namespace, keyGroup);
        TimerEntry<K, N> timer = byKeyGroup.get(keyGroup - firstKeyGroup).remove(probe);
        if (timer != null) {
            unlink(timer);
        }
    }

    /** The timer that fires next, or {@code null}. */
    TimerEntry<K, N> peek() {
        return first == null ? null : first.head;
    }

    /** Removes and returns the timer that fires next, or {@code null}. */
    TimerEntry<K, N> poll() {
        if (first == null) {
            return null;
        }
        TimerEntry<K, N> head = first.head;
        byKeyGroup.get(head.keyGroup() - firstKeyGroup).remove(head);
        unlink(head);
        return head;
    }

    int size() {
        return size;
    }

    /** The timers of one key group (for snapshots), in no particular order. */
    Collection<TimerEntry<K, N>> timersOf(int keyGroup) {
        return byKeyGroup.get(keyGroup - firstKeyGroup).keySet();
    }

    private Bucket<K, N> bucketFor(long timestamp) {
        Bucket<K, N> bucket = lastBucket;
        // an emptied bucket has left the sorted map and must not be reused
        if (bucket != null && bucket.timestamp == timestamp && bucket.head != null) {
            return bucket;
        }
        bucket = buckets.get(timestamp);
        if (bucket == null) {
            bucket = new Bucket<>(timestamp);
            buckets.put(timestamp, bucket);
            if (first == null || timestamp < first.timestamp) {
                first = bucket;
            }
        }
        lastBucket = bucket;
        return bucket;
    }

    private void unlink(TimerEntry<K, N> timer) {
        Bucket<K, N> bucket = timer.bucket;
        bucket.unlink(timer);
        size--;
        if (bucket.head == null) {
            buckets.remove(bucket.timestamp);
            if (bucket == first) {
                var next = buckets.firstEntry();
                first = next == null ? null : next.getValue();
            }
        }
    }

    /** The queued timers of one timestamp, in registration order. */
    static final class Bucket<K, N> {
        final long timestamp;
        TimerEntry<K, N> head;
        TimerEntry<K, N> tail;

        Bucket(long timestamp) {
            this.timestamp = timestamp;
        }

        void append(TimerEntry<K, N> timer) {
            timer.bucket = this;
            timer.prev = tail;
            if (tail == null) {
                head = timer;
            } else {
                tail.next = timer;
            }
            tail = timer;
        }

        void unlink(TimerEntry<K, N> timer) {
            if (timer.prev == null) {
                head = timer.next;
            } else {
                timer.prev.next = timer.next;
            }
            if (timer.next == null) {
                tail = timer.prev;
            } else {
                timer.next.prev = timer.prev;
            }
            timer.prev = null;
            timer.next = null;
            timer.bucket = null;
        }
    }
}
