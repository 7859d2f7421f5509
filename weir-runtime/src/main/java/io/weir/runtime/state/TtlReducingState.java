package io.weir.runtime.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ValueState;
import java.util.Collection;

/** {@link ReducingState} with TTL: the reduced value expires as a whole; an expired one is not reduced further. */
final class TtlReducingState<V> implements ReducingState<V>, InternalMergingState<Object> {
    private final ValueState<TtlValue<V>> inner;
    private final TtlPolicy policy;
    private final ReduceFunction<V> reducer;

    TtlReducingState(ValueState<TtlValue<V>> inner, TtlPolicy policy, ReduceFunction<V> reducer) {
        this.inner = inner;
        this.policy = policy;
        this.reducer = reducer;
    }

    @Override
    public V get() throws Exception {
        policy.onAccess();
        return TtlSingleValue.read(inner, policy);
    }

    @Override
    public void add(V value) throws Exception {
        if (value == null) {
            throw new NullPointerException("ReducingState does not accept null values.");
        }
        policy.onAccess();
        long now = policy.now();
        V current = TtlSingleValue.readForUpdate(inner, policy, now);
        inner.update(policy.wrap(current == null ? value : reducer.reduce(current, value), now));
    }

    @Override
    public void clear() {
        inner.clear();
    }

    /** Scopes this state to a namespace (a window): the TTL applies per key and namespace. */
    @Override
    @SuppressWarnings("unchecked")
    public void setCurrentNamespace(Object namespace) {
        ((InternalKvState<Object>) inner).setCurrentNamespace(namespace);
    }

    /** Combines the unexpired values of the sources into the target; expired ones are dropped. */
    @Override
    public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
        TtlSingleValue.merge(inner, policy, target, sources, reducer);
    }
}
