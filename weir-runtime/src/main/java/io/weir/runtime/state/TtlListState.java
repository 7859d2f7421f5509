package io.weir.runtime.state;

import io.weir.api.state.ListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link ListState} with TTL per element: each element expires on its own. */
final class TtlListState<V> implements ListState<V>, InternalMergingState<Object> {
    private final ListState<TtlValue<V>> inner;
    private final TtlPolicy policy;

    TtlListState(ListState<TtlValue<V>> inner, TtlPolicy policy) {
        this.inner = inner;
        this.policy = policy;
    }

    @Override
    public Iterable<V> get() throws Exception {
        policy.onAccess();
        long now = policy.now();
        List<V> result = new ArrayList<>();
        List<TtlValue<V>> kept = new ArrayList<>();
        boolean changed = false;
        for (TtlValue<V> element : inner.get()) {
            if (policy.expired(element, now)) {
                changed = true;
                if (policy.returnExpired()) {
                    result.add(element.userValue());
                }
            } else {
                result.add(element.userValue());
                if (policy.updateOnRead()) {
                    kept.add(policy.wrap(element.userValue(), now));
                    changed = true;
                } else {
                    kept.add(element);
                }
            }
        }
        if (changed) {
            inner.update(kept);
        }
        return result;
    }

    @Override
    public void add(V value) throws Exception {
        if (value == null) {
            throw new NullPointerException("ListState does not accept null elements.");
        }
        policy.onAccess();
        inner.add(policy.wrap(value, policy.now()));
    }

    @Override
    public void update(List<V> values) throws Exception {
        policy.onAccess();
        inner.update(wrapAll(values));
    }

    @Override
    public void addAll(List<V> values) throws Exception {
        policy.onAccess();
        inner.addAll(wrapAll(values));
    }

    private List<TtlValue<V>> wrapAll(List<V> values) {
        if (values == null) {
            return null;
        }
        long now = policy.now();
        List<TtlValue<V>> wrapped = new ArrayList<>(values.size());
        for (V value : values) {
            if (value == null) {
                throw new NullPointerException("ListState does not accept null elements.");
            }
            wrapped.add(policy.wrap(value, now));
        }
        return wrapped;
    }

    @Override
    public void clear() {
        inner.clear();
    }

    /** Incremental cleanup of a stored list: drops expired elements. */
    @SuppressWarnings("unchecked")
    static Object prune(Object stored, TtlPolicy policy, long now) {
        ArrayList<TtlValue<?>> list = (ArrayList<TtlValue<?>>) stored;
        if (!list.removeIf(element -> policy.expired(element, now))) {
            return stored;
        }
        return list.isEmpty() ? null : list;
    }

    /** Scopes this state to a namespace (a window): the TTL applies per key and namespace. */
    @Override
    @SuppressWarnings("unchecked")
    public void setCurrentNamespace(Object namespace) {
        ((InternalKvState<Object>) inner).setCurrentNamespace(namespace);
    }

    /** Concatenates the lists; each element keeps its own expiry. */
    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
        ((InternalMergingState<Object>) inner).mergeNamespaces(target, sources);
    }
}
