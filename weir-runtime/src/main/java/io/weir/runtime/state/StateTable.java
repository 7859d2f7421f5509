package io.weir.runtime.state;

import io.weir.api.state.VoidNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The values of one state for all keys of a subtask: per key group, per namespace, per key. The
 * namespace is {@link VoidNamespace} for plain keyed state and the window for window state.
 *
 * <p>Plain keyed state reads its key group's {@link VoidNamespace} map straight from
 * {@code voidMaps} (the same map object its key group holds under {@code VoidNamespace.INSTANCE}),
 * which saves a hash lookup of the namespace on every access. Window state remembers, per key group,
 * the last namespace it looked up and its map ({@code lastNamespaces}, {@code lastMaps}): the
 * elements of a key group mostly go to the same window, so an {@code equals} with it replaces the
 * hash lookup. Every change of a key group's namespaces goes through this class, which keeps these
 * in step.
 *
 * <h2>Copy on write</h2>
 * {@link #snapshot} hands out the key groups' maps themselves (a few references, not a copy), for
 * a checkpoint to serialize off the task's thread. Until the snapshot {@link StateTableSnapshot#release
 * released} a key group, the first access to that group copies its maps and values (with
 * {@link #copyValuesWith the copier} of the stored values) and works on the copy from then on: the
 * snapshot keeps what it saw, and a value read and changed in place by the task — a list appended
 * to, a POJO modified — changes only the copy. A group the writer released before the task came
 * to it is not copied. Every access checks one array slot for this.
 *
 * <p>Threading: used by the task's thread only; a snapshot's maps are read by its writer's thread.
 */
final class StateTable<K, N, S> {
    private final int firstKeyGroup;
    private final List<HashMap<N, HashMap<K, S>>> groups;
    /** Per key group of the range, its map of {@link VoidNamespace#INSTANCE}, or {@code null} when it has none. */
    private final HashMap<K, S>[] voidMaps;
    /** Per key group of the range, the namespace (not {@link VoidNamespace}) looked up last, or {@code null}. */
    private final Object[] lastNamespaces;
    /** Per key group of the range, the map of {@code lastNamespaces}' namespace, which the group holds. */
    private final HashMap<K, S>[] lastMaps;
    /** Per key group of the range, the latest snapshot that may still read its maps, or {@code null}. */
    private final StateTableSnapshot<K, N, S>[] sharedWith;
    private UnaryOperator<S> valueCopier;

    @SuppressWarnings("unchecked")
    StateTable(KeyGroupRange range) {
        this.firstKeyGroup = range.start();
        this.groups = new ArrayList<>(range.size());
        this.voidMaps = new HashMap[range.size()];
        this.lastNamespaces = new Object[range.size()];
        this.lastMaps = new HashMap[range.size()];
        this.sharedWith = new StateTableSnapshot[range.size()];
        for (int i = 0; i < range.size(); i++) {
            groups.add(new HashMap<>(4));
        }
    }

    /** How a stored value is copied when a snapshot still reads the original; required before {@link #snapshot}. */
    void copyValuesWith(UnaryOperator<S> copier) {
        this.valueCopier = copier;
    }

    /**
     * The key groups as they are now, for a writer on another thread; from now on the task's first
     * access to a group the snapshot has not released copies it (see the class comment).
     */
    StateTableSnapshot<K, N, S> snapshot() {
        if (valueCopier == null) {
            throw new IllegalStateException("The state table has no value copier: it cannot be snapshotted while in use");
        }
        StateTableSnapshot<K, N, S> snapshot = new StateTableSnapshot<>(groups, sharedWith);
        java.util.Arrays.fill(sharedWith, snapshot);
        return snapshot;
    }

    /** Makes the {@code index}-th key group the table's own again, copying it if a snapshot may still read it. */
    private void own(int index) {
        StateTableSnapshot<K, N, S> snapshot = sharedWith[index];
        if (snapshot != null) {
            if (!snapshot.releasedByAll(index)) {
                copyGroup(index);
            }
            sharedWith[index] = null;
        }
    }

    private void copyGroup(int index) {
        HashMap<N, HashMap<K, S>> original = groups.get(index);
        HashMap<N, HashMap<K, S>> copy = new HashMap<>(Math.max(4, original.size() * 4 / 3 + 1));
        for (Map.Entry<N, HashMap<K, S>> byNamespace : original.entrySet()) {
            HashMap<K, S> values = byNamespace.getValue();
            HashMap<K, S> copied = new HashMap<>(Math.max(4, values.size() * 4 / 3 + 1));
            for (Map.Entry<K, S> entry : values.entrySet()) {
                copied.put(entry.getKey(), valueCopier.apply(entry.getValue()));
            }
            copy.put(byNamespace.getKey(), copied);
        }
        groups.set(index, copy);
        refreshVoidMap(index);
    }

    S get(K key, int keyGroup, N namespace) {
        HashMap<K, S> byKey = values(keyGroup, namespace);
        return byKey == null ? null : byKey.get(key);
    }

    void put(K key, int keyGroup, N namespace, S value) {
        valuesCreating(keyGroup, namespace).put(key, value);
    }

    /**
     * The values of {@code namespace} in the key group, by key, or {@code null} when it has none: the
     * table's own map (copied first while a snapshot may still read it), which a state may read and
     * change directly, so that a read followed by a write of the same key looks the namespace up once.
     * Removing a key from it must go through {@link #remove}, which drops maps that become empty.
     */
    HashMap<K, S> values(int keyGroup, N namespace) {
        int index = keyGroup - firstKeyGroup;
        if (sharedWith[index] != null) {
            own(index);
        }
        if (namespace == VoidNamespace.INSTANCE) {
            return voidMaps[index];
        }
        Object last = lastNamespaces[index];
        if (last != null && (last == namespace || last.equals(namespace))) {
            return lastMaps[index];
        }
        HashMap<K, S> byKey = groups.get(index).get(namespace);
        if (byKey != null) {
            lastNamespaces[index] = namespace;
            lastMaps[index] = byKey;
        }
        return byKey;
    }

    /** Like {@link #values}, but creates the namespace's map when it has none; put a value in it at once. */
    HashMap<K, S> valuesCreating(int keyGroup, N namespace) {
        HashMap<K, S> byKey = values(keyGroup, namespace);
        if (byKey == null) {
            int index = keyGroup - firstKeyGroup;
            byKey = groups.get(index).computeIfAbsent(namespace, n -> new HashMap<>());
            if (VoidNamespace.INSTANCE.equals(namespace)) {
                voidMaps[index] = byKey;
            } else {
                lastNamespaces[index] = namespace;
                lastMaps[index] = byKey;
            }
        }
        return byKey;
    }

    void remove(K key, int keyGroup, N namespace) {
        int index = keyGroup - firstKeyGroup;
        if (sharedWith[index] != null) {
            own(index);
        }
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
        if (sharedWith[index] != null) {
            own(index);
        }
        groups.get(index).values().removeIf(byKey -> byKey.remove(key) != null && byKey.isEmpty());
        refreshVoidMap(index);
    }

    @SuppressWarnings("unchecked")
    private void refreshVoidMap(int index) {
        voidMaps[index] = groups.get(index).get((N) VoidNamespace.INSTANCE);
        lastNamespaces[index] = null; // its map may be gone or replaced by a copy
        lastMaps[index] = null;
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
