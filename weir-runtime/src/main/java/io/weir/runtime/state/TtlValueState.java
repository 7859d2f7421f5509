package io.weir.runtime.state;

import io.weir.api.state.ValueState;
import java.io.IOException;

/** {@link ValueState} with TTL: stores the value with its last-access time. */
final class TtlValueState<V> implements ValueState<V>, InternalKvState<Object> {
    private final ValueState<TtlValue<V>> inner;
    private final TtlPolicy policy;

    TtlValueState(ValueState<TtlValue<V>> inner, TtlPolicy policy) {
        this.inner = inner;
        this.policy = policy;
    }

    @Override
    public V value() throws IOException {
        policy.onAccess();
        return TtlSingleValue.read(inner, policy);
    }

    @Override
    public void update(V value) throws IOException {
        policy.onAccess();
        if (value == null) {
            inner.clear();
        } else {
            inner.update(policy.wrap(value, policy.now()));
        }
    }

    @Override
    public void clear() {
        inner.clear();
    }

    /**
     * As the state under it: the value read is the one stored (inside its timestamp), but a change
     * made in place does not refresh the time-to-live; only {@link #update} does.
     */
    @Override
    public boolean keepsValueObjects() {
        return inner instanceof InternalKvState<?> kv && kv.keepsValueObjects();
    }

    /** Scopes this state to a namespace (a window): the TTL applies per key and namespace. */
    @Override
    @SuppressWarnings("unchecked")
    public void setCurrentNamespace(Object namespace) {
        ((InternalKvState<Object>) inner).setCurrentNamespace(namespace);
    }
}
