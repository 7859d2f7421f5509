package io.weir.api.state;

import java.util.Map;

/**
 * The view of a broadcast state that the non-broadcast side of a broadcast connect gets: it may
 * read, never change, so that every parallel instance keeps the same state.
 */
public interface ReadOnlyBroadcastState<K, V> extends State {
    /** The value of {@code key}, or {@code null}. */
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The entries, read-only. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
