package io.weir.runtime.state;

import io.weir.api.operators.InternalTimer;
import java.util.Objects;

/**
 * One timer in a {@link TimerQueue}: equal to another when key, namespace and timestamp are equal,
 * which is what makes registering twice keep one timer. Remembers its key group and its place in
 * the queue so that deleting it is cheap.
 */
final class TimerEntry<K, N> implements InternalTimer<K, N> {
    private final long timestamp;
    private final K key;
    private final N namespace;
    private final int keyGroup;
    /** Computed once: the queue's dedup map hashes every timer on add and again on poll. */
    private final int hash;
    /** The queue's bucket of this timestamp while the timer is queued, else {@code null}. */
    TimerQueue.Bucket<K, N> bucket;
    /** Neighbours in the bucket, which keeps registration order. */
    TimerEntry<K, N> prev;
    TimerEntry<K, N> next;

    TimerEntry(long timestamp, K key, N namespace, int keyGroup) {
        this(timestamp, key, namespace, keyGroup, hash(timestamp, key, namespace));
    }

    /** @param hash {@link #hash(long, Object, Object)} of the other three */
    TimerEntry(long timestamp, K key, N namespace, int keyGroup, int hash) {
        this.timestamp = timestamp;
        this.key = key;
        this.namespace = namespace;
        this.keyGroup = keyGroup;
        this.hash = hash;
    }

    /** The hash code of a timer with these fields. */
    static int hash(long timestamp, Object key, Object namespace) {
        return 31 * (31 * Long.hashCode(timestamp) + key.hashCode()) + namespace.hashCode();
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public N getNamespace() {
        return namespace;
    }

    int keyGroup() {
        return keyGroup;
    }

    /** Equal to a timer with these fields (see {@link #equals}); identical keys and namespaces are the usual case. */
    boolean matches(long otherTimestamp, Object otherKey, Object otherNamespace) {
        return timestamp == otherTimestamp && (key == otherKey || key.equals(otherKey))
                && (namespace == otherNamespace || namespace.equals(otherNamespace));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TimerEntry)) {
            return false;
        }
        TimerEntry<?, ?> that = (TimerEntry<?, ?>) o;
        return hash == that.hash && timestamp == that.timestamp && key.equals(that.key) && namespace.equals(that.namespace);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Timer{timestamp=" + timestamp + ", key=" + key + ", namespace=" + Objects.toString(namespace) + "}";
    }
}
