package io.weir.runtime.operators.broadcast;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.MapStateDescriptor;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A broadcast state held on the heap of one operator instance: a map per state descriptor.
 *
 * <p>Threading: the task's thread only.
 */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
    private final MapStateDescriptor<K, V> descriptor;
    private final Map<K, V> map = new HashMap<>();

    HeapBroadcastState(MapStateDescriptor<K, V> descriptor) {
        this.descriptor = descriptor;
    }

    MapStateDescriptor<K, V> descriptor() {
        return descriptor;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> values) {
        map.putAll(values);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }
}
