package io.weir.runtime.state;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The timers of one time domain of one timer service, fired by timestamp and, at equal timestamps,
 * in registration order; and a {@link TimerSet} per key group that finds a timer by its fields,
 * for de-duplication and deletion.
 *
 * <p>The timers of one timestamp form a {@link Bucket}, a doubly linked list in registration
 * order; the buckets are found by timestamp through a hash map and ordered in a binary min-heap.
 * Window operators register many timers at few timestamps (every key's window ends at the same
 * instants), so firing takes the head of the first bucket in O(1) instead of sifting a heap of all
 * timers, and adding mostly appends to the bucket added to last. Only a bucket's first timer and
 * its last cost heap work, O(log b) for b buckets; timestamps that only grow (as session ends do)
 * make that O(1) when adding.
 *
 * <p>Threading: used by the task's thread only.
 */
final class TimerQueue<K, N> {
    private final int firstKeyGroup;
    private final TimerSet<K, N>[] byKeyGroup;
    private final HashMap<Long, Bucket<K, N>> buckets = new HashMap<>();
    /** The buckets in {@code heap[0..heapSize)}, the smallest timestamp first. */
    private Bucket<K, N>[] heap = newArray(16);
    private int heapSize;
    /** The bucket {@link #add} appended to last, to skip the sorted map while timestamps repeat. */
    private Bucket<K, N> lastBucket;
    /**
     * The timer the last {@link #add} added or found, while it is queued: a window operator
     * registers the same (key, window, time) twice per element and window (the trigger's timer and
     * the cleanup timer), so comparing with it first skips the second hash lookup.
     */
    private TimerEntry<K, N> lastAdded;
    /**
     * The timer {@link #poll} returned last while no timer has been added since, else {@code null}:
     * a window operator deletes the cleanup timer of a window it fires, which is usually the timer
     * that just fired; it is in no map any more, so deleting it needs no probe and no hash lookup.
     */
    private TimerEntry<K, N> lastPolled;
    private int size;

    TimerQueue(KeyGroupRange range) {
        this.firstKeyGroup = range.start();
        @SuppressWarnings("unchecked")
        TimerSet<K, N>[] sets = (TimerSet<K, N>[]) new TimerSet<?, ?>[range.size()];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = new TimerSet<>();
        }
        this.byKeyGroup = sets;
    }

    /** Adds a timer unless an equal one exists; returns whether it was added. */
    boolean add(long timestamp, K key, N namespace, int keyGroup) {
        TimerEntry<K, N> last = lastAdded;
        if (last != null && last.bucket != null && last.matches(timestamp, key, namespace)) {
            return false;
        }
        int hash = TimerEntry.hash(timestamp, key, namespace);
        TimerSet<K, N> set = byKeyGroup[keyGroup - firstKeyGroup];
        TimerEntry<K, N> existing = set.find(timestamp, key, namespace, hash);
        if (existing != null) {
            lastAdded = existing;
            return false;
        }
        TimerEntry<K, N> timer = new TimerEntry<>(timestamp, key, namespace, keyGroup, hash);
        set.insert(timer);
        lastAdded = timer;
        lastPolled = null;
        bucketFor(timestamp).append(timer);
        size++;
        return true;
    }

    /** Deletes the equal timer if there is one. */
    void remove(long timestamp, K key, N namespace, int keyGroup) {
        TimerEntry<K, N> polled = lastPolled;
        if (polled != null && polled.matches(timestamp, key, namespace)) {
            return;
        }
        TimerEntry<K, N> timer = byKeyGroup[keyGroup - firstKeyGroup].remove(timestamp, key, namespace,
                TimerEntry.hash(timestamp, key, namespace));
        if (timer != null) {
            unlink(timer);
        }
    }

    /** The timer that fires next, or {@code null}. */
    TimerEntry<K, N> peek() {
        return heapSize == 0 ? null : heap[0].head;
    }

    /** Removes and returns the timer that fires next, or {@code null}. */
    TimerEntry<K, N> poll() {
        if (heapSize == 0) {
            return null;
        }
        TimerEntry<K, N> head = heap[0].head;
        byKeyGroup[head.keyGroup() - firstKeyGroup].remove(head);
        unlink(head);
        lastPolled = head;
        return head;
    }

    int size() {
        return size;
    }

    /** The number of queued timers of one key group. */
    int sizeOf(int keyGroup) {
        return byKeyGroup[keyGroup - firstKeyGroup].size();
    }

    /** Receives the queued timers, with each timer's place among the timers of its timestamp. */
    interface TimerVisitor<K, N> {
        void visit(TimerEntry<K, N> timer, int rankInTimestamp);
    }

    /**
     * Visits every queued timer, each with its rank in registration order among the timers of the
     * same timestamp (what a snapshot keeps so that restored timers fire in the same order).
     */
    void forEachQueued(TimerVisitor<K, N> visitor) {
        for (Bucket<K, N> bucket : buckets.values()) {
            int rank = 0;
            for (TimerEntry<K, N> timer = bucket.head; timer != null; timer = timer.next) {
                visitor.visit(timer, rank++);
            }
        }
    }

    private Bucket<K, N> bucketFor(long timestamp) {
        Bucket<K, N> bucket = lastBucket;
        // an emptied bucket has left the map and the heap and must not be reused
        if (bucket != null && bucket.timestamp == timestamp && bucket.head != null) {
            return bucket;
        }
        bucket = buckets.get(timestamp);
        if (bucket == null) {
            bucket = new Bucket<>(timestamp);
            buckets.put(timestamp, bucket);
            if (heapSize == heap.length) {
                heap = Arrays.copyOf(heap, heapSize * 2);
            }
            siftUp(bucket, heapSize++);
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
            removeFromHeap(bucket.heapIndex);
        }
    }

    private void removeFromHeap(int index) {
        Bucket<K, N> last = heap[--heapSize];
        heap[heapSize] = null;
        if (index < heapSize) {
            siftDown(last, index);
            if (last.heapIndex == index) {
                siftUp(last, index);
            }
        }
    }

    /** Places {@code bucket} at {@code index} or above; timestamps of buckets are distinct. */
    private void siftUp(Bucket<K, N> bucket, int index) {
        Bucket<K, N>[] h = heap;
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            Bucket<K, N> p = h[parent];
            if (bucket.timestamp >= p.timestamp) {
                break;
            }
            place(p, index);
            index = parent;
        }
        place(bucket, index);
    }

    private void siftDown(Bucket<K, N> bucket, int index) {
        Bucket<K, N>[] h = heap;
        int n = heapSize;
        while (true) {
            int child = 2 * index + 1;
            if (child >= n) {
                break;
            }
            Bucket<K, N> c = h[child];
            if (child + 1 < n && h[child + 1].timestamp < c.timestamp) {
                c = h[++child];
            }
            if (c.timestamp >= bucket.timestamp) {
                break;
            }
            place(c, index);
            index = child;
        }
        place(bucket, index);
    }

    private void place(Bucket<K, N> bucket, int index) {
        heap[index] = bucket;
        bucket.heapIndex = index;
    }

    @SuppressWarnings("unchecked")
    private static <K, N> Bucket<K, N>[] newArray(int length) {
        return (Bucket<K, N>[]) new Bucket<?, ?>[length];
    }

    /** The queued timers of one timestamp, in registration order. */
    static final class Bucket<K, N> {
        final long timestamp;
        TimerEntry<K, N> head;
        TimerEntry<K, N> tail;
        int heapIndex;

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
