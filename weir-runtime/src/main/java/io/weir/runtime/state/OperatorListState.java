package io.weir.runtime.state;

import io.weir.api.state.ListState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list state of an operator instance (not scoped to a key), kept in an {@link HeapOperatorStateBackend}.
 *
 * <p>Threading: the task's thread only.
 */
final class OperatorListState<S> implements ListState<S> {
    private final String name;
    private final ArrayList<S> elements = new ArrayList<>();

    OperatorListState(String name) {
        this.name = name;
    }

    @Override
    public Iterable<S> get() {
        return elements;
    }

    @Override
    public void add(S value) {
        elements.add(Objects.requireNonNull(value, () -> "null added to list state '" + name + "'"));
    }

    @Override
    public void update(List<S> values) {
        elements.clear();
        addAll(values);
    }

    @Override
    public void addAll(List<S> values) {
        for (S value : values) {
            add(value);
        }
    }

    @Override
    public void clear() {
        elements.clear();
    }

    List<S> elements() {
        return elements;
    }
}
