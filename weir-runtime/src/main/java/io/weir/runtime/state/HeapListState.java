package io.weir.runtime.state;

import io.weir.api.state.ListState;
import java.util.ArrayList;
import java.util.List;

/** {@link ListState} on the heap; an empty list is no entry. Null elements are refused. */
final class HeapListState<K, N, V> extends HeapState<K, N, ArrayList<V>> implements ListState<V>,
        InternalMergingState<N> {
    HeapListState(HeapKeyedStateBackend<K> backend, StateTable<K, N, ArrayList<V>> table) {
        super(backend, table);
    }

    @Override
    public Iterable<V> get() {
        ArrayList<V> list = getInternal();
        return list == null ? List.of() : list;
    }

    @Override
    public void add(V value) {
        requireNonNull(value);
        ArrayList<V> list = getInternal();
        if (list == null) {
            list = new ArrayList<>();
            putInternal(list);
        }
        list.add(value);
    }

    @Override
    public void update(List<V> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        values.forEach(HeapListState::requireNonNull);
        putInternal(new ArrayList<>(values));
    }

    @Override
    public void addAll(List<V> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        values.forEach(HeapListState::requireNonNull);
        ArrayList<V> list = getInternal();
        if (list == null) {
            putInternal(new ArrayList<>(values));
        } else {
            list.addAll(values);
        }
    }

    private static void requireNonNull(Object value) {
        if (value == null) {
            throw new NullPointerException("ListState does not accept null elements.");
        }
    }

    @Override
    protected ArrayList<V> mergeState(ArrayList<V> a, ArrayList<V> b) {
        a.addAll(b);
        return a;
    }
}
