package io.weir.runtime.state;

import io.weir.api.state.VoidNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one state for all keys of a subtask: per key group, per namespace, per key. The
 * namespace is {@link VoidNamespace} for plain keyed state and the window for window state.
 *
 * <p>Plain keyed state reads its key group's {@link VoidNamespace} map straight from
 * {@code voidMaps} (the same map object its key group holds under {@code VoidNamespace.INSTANCE}),
 * which saves a hash lookup of the namespace on every access; every change of a key group's
 * namespaces goes through this class, which keeps the two in step.
 *
 * <p>Threading: used by the task's thread only.
 */
final class StateTable<K, N, S> {
    private final int firstKeyGroup;
    private final List<HashMap<N, HashMap<K, S>>> groups;
    /** Per key group of the range, its map of {@link VoidNamespace#INSTANCE}, or {@code null} when it has none. */
    private final HashMap<K, S>[] voidMaps;

    @SuppressWarnings("unchecked")
    StateTable(KeyGroupRange range) {
        this.firstKeyGroup = range.start();
        this.groups = new ArrayList<>(range.size());
        this.voidMaps = new HashMap[range.size()];
        for (int i = 0; i < range.size(); i++) {
            groups.add(new HashMap<>(4));
        }
    }

    S get(K key, int keyGroup, N namespace) {
        int index = keyGroup - firstKeyGroup;
        HashMap<K, S> byKey = namespace == VoidNamespace.INSTANCE ? voidMaps[index] : groups.get(index).get(namespace);
        return byKey == null ? null : byKey.get(key);
    }

    void put(K key, int keyGroup, N namespace, S value) {
        int index = keyGroup - firstKeyGroup;
        HashMap<K, S> byKey = namespace == VoidNamespace.INSTANCE ? voidMaps[index] : null;
        if (byKey == null) {
            byKey = groups.get(index).computeIfAbsent(namespace, n -> new HashMap<>());
            if (VoidNamespace.INSTANCE.equals(namespace)) {
                voidMaps[index] = byKey;
            }
        }
        byKey.put(key, value);
    }

    void remove(K key, int keyGroup, N namespace) {
        int index = keyGroup - firstKeyGroup;
        HashMap<N, HashMap<K, S>> group = groups.get(index);
        HashMap<K, S> byKey = group.get(namespace);
        if (byKey != null && byKey.remove(key) != null && byKey.isEmpty()) {
            group.remove(namespace);
            refreshVoidMap(index);
        }
    }

    /** Removes the key's values in every namespace of its key group. */
    void removeKey(K key, int keyGroup) {
        int index = keyGroup - firstKeyGroup;
        groups.get(index).values().removeIf(byKey -> byKey.remove(key) != null && byKey.isEmpty());
        refreshVoidMap(index);
    }

    @SuppressWarnings("unchecked")
    private void refreshVoidMap(int index) {
        voidMaps[index] = groups.get(index).get((N) VoidNamespace.INSTANCE);
    }

    int size() {
        int n = 0;
        for (HashMap<N, HashMap<K, S>> group : groups) {
            for (HashMap<K, S> byKey : group.values()) {
                n += byKey.size();
            }
        }
        return n;
    }

    /** The values of key group {@code keyGroup} (of this table's range): namespace → key → value. */
    HashMap<N, HashMap<K, S>> group(int keyGroup) {
        return groups.get(keyGroup - firstKeyGroup);
    }

    int firstKeyGroup() {
        return firstKeyGroup;
    }

    int numKeyGroups() {
        return groups.size();
    }

    /** Appends the (namespace, key) pairs of the {@code index}-th key group of the range to {@code out}. */
    @SuppressWarnings("unchecked")
    void entriesOf(int index, List<Object> out) {
        for (Map.Entry<N, HashMap<K, S>> byNamespace : groups.get(index).entrySet()) {
            for (K key : byNamespace.getValue().keySet()) {
                out.add(byNamespace.getKey());
                out.add(key);
            }
        }
    }

    /** The keys that have a value in the namespace, over all key groups. */
    List<K> keys(N namespace) {
        List<K> keys = new ArrayList<>();
        for (HashMap<N, HashMap<K, S>> group : groups) {
            Map<K, S> byKey = group.get(namespace);
            if (byKey != null) {
                keys.addAll(byKey.keySet());
            }
        }
        return keys;
    }
}
