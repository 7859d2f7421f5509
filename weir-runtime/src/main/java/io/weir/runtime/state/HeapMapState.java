package io.weir.runtime.state;

import io.weir.api.state.MapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** {@link MapState} on the heap; an empty map is no entry. */
final class HeapMapState<K, N, UK, UV> extends HeapState<K, N, HashMap<UK, UV>> implements MapState<UK, UV> {
    HeapMapState(HeapKeyedStateBackend<K> backend, StateTable<K, N, HashMap<UK, UV>> table) {
        super(backend, table);
    }

    private Map<UK, UV> mapOrEmpty() {
        HashMap<UK, UV> map = getInternal();
        return map == null ? Collections.emptyMap() : map;
    }

    private HashMap<UK, UV> mapForWrite() {
        HashMap<UK, UV> map = getInternal();
        if (map == null) {
            map = new HashMap<>();
            putInternal(map);
        }
        return map;
    }

    @Override
    public UV get(UK key) {
        return mapOrEmpty().get(key);
    }

    @Override
    public void put(UK key, UV value) {
        mapForWrite().put(key, value);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map != null && !map.isEmpty()) {
            mapForWrite().putAll(map);
        }
    }

    @Override
    public void remove(UK key) {
        HashMap<UK, UV> map = getInternal();
        if (map != null) {
            map.remove(key);
            if (map.isEmpty()) {
                clear();
            }
        }
    }

    @Override
    public boolean contains(UK key) {
        return mapOrEmpty().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return mapOrEmpty().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return mapOrEmpty().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return mapOrEmpty().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return mapOrEmpty().entrySet().iterator();
    }

    @Override
    public boolean isEmpty() {
        return mapOrEmpty().isEmpty();
    }
}
