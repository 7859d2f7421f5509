package io.weir.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * State that every parallel instance of an operator has a full copy of, written by the broadcast
 * side of a broadcast connect. Not scoped to a key. Each instance sees the same broadcast elements
 * in the same order, so updates that depend only on them keep all copies equal; update it only
 * from broadcast elements (the other side gets a {@link ReadOnlyBroadcastState}).
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    /** Iterates over the entries; the iterator's {@code remove} removes from the state. */
    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
