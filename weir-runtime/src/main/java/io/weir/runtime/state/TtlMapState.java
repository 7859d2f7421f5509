package io.weir.runtime.state;

import io.weir.api.state.MapState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link MapState} with TTL per entry: each entry expires on its own. */
final class TtlMapState<UK, UV> implements MapState<UK, UV>, InternalKvState<Object> {
    private final MapState<UK, TtlValue<UV>> inner;
    private final TtlPolicy policy;

    TtlMapState(MapState<UK, TtlValue<UV>> inner, TtlPolicy policy) {
        this.inner = inner;
        this.policy = policy;
    }

    @Override
    public UV get(UK key) throws Exception {
        policy.onAccess();
        TtlValue<UV> stored = inner.get(key);
        if (stored == null) {
            return null;
        }
        long now = policy.now();
        if (policy.expired(stored, now)) {
            inner.remove(key);
            return policy.returnExpired() ? stored.userValue() : null;
        }
        if (policy.updateOnRead()) {
            inner.put(key, policy.wrap(stored.userValue(), now));
        }
        return stored.userValue();
    }

    @Override
    public void put(UK key, UV value) throws Exception {
        policy.onAccess();
        inner.put(key, policy.wrap(value, policy.now()));
    }

    @Override
    public void putAll(Map<UK, UV> map) throws Exception {
        if (map == null || map.isEmpty()) {
            return;
        }
        policy.onAccess();
        long now = policy.now();
        Map<UK, TtlValue<UV>> wrapped = new HashMap<>();
        for (Map.Entry<UK, UV> e : map.entrySet()) {
            wrapped.put(e.getKey(), policy.wrap(e.getValue(), now));
        }
        inner.putAll(wrapped);
    }

    @Override
    public void remove(UK key) throws Exception {
        policy.onAccess();
        inner.remove(key);
    }

    @Override
    public boolean contains(UK key) throws Exception {
        return get(key) != null;
    }

    /**
     * The entries visible now, in a copy: expired entries are removed from the state on the way
     * (and included once if the visibility allows it); reads refresh the rest if so configured.
     */
    private Map<UK, UV> visible() throws Exception {
        policy.onAccess();
        long now = policy.now();
        Map<UK, UV> result = new LinkedHashMap<>();
        List<UK> expired = new ArrayList<>();
        List<UK> refreshed = new ArrayList<>();
        for (Map.Entry<UK, TtlValue<UV>> e : inner.entries()) {
            if (policy.expired(e.getValue(), now)) {
                expired.add(e.getKey());
                if (policy.returnExpired()) {
                    result.put(e.getKey(), e.getValue().userValue());
                }
            } else {
                result.put(e.getKey(), e.getValue().userValue());
                if (policy.updateOnRead()) {
                    refreshed.add(e.getKey());
                }
            }
        }
        for (UK key : expired) {
            inner.remove(key);
        }
        for (UK key : refreshed) {
            inner.put(key, policy.wrap(result.get(key), now));
        }
        return result;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
        return visible().entrySet();
    }

    @Override
    public Iterable<UK> keys() throws Exception {
        return visible().keySet();
    }

    @Override
    public Iterable<UV> values() throws Exception {
        return visible().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() throws Exception {
        return visible().entrySet().iterator();
    }

    @Override
    public boolean isEmpty() throws Exception {
        return visible().isEmpty();
    }

    @Override
    public void clear() {
        inner.clear();
    }

    /** Incremental cleanup of a stored map: drops expired entries. */
    @SuppressWarnings("unchecked")
    static Object prune(Object stored, TtlPolicy policy, long now) {
        HashMap<Object, TtlValue<?>> map = (HashMap<Object, TtlValue<?>>) stored;
        if (!map.values().removeIf(value -> policy.expired(value, now))) {
            return stored;
        }
        return map.isEmpty() ? null : map;
    }

    /** Scopes this state to a namespace (a window): the TTL applies per key and namespace. */
    @Override
    @SuppressWarnings("unchecked")
    public void setCurrentNamespace(Object namespace) {
        ((InternalKvState<Object>) inner).setCurrentNamespace(namespace);
    }
}
