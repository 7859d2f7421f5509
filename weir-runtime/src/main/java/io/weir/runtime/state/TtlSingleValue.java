package io.weir.runtime.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ValueState;
import java.io.IOException;
import java.util.Collection;

/** The read rules shared by the TTL states that keep one value per key (value, reducing, aggregating). */
final class TtlSingleValue {
    private TtlSingleValue() {}

    /**
     * The value for the current key: an expired one is removed and returned only if the visibility
     * allows it; an unexpired one is refreshed when reads update the TTL.
     */
    static <V> V read(ValueState<TtlValue<V>> inner, TtlPolicy policy) throws IOException {
        TtlValue<V> stored = inner.value();
        if (stored == null) {
            return null;
        }
        long now = policy.now();
        if (policy.expired(stored, now)) {
            inner.clear();
            return policy.returnExpired() ? stored.userValue() : null;
        }
        if (policy.updateOnRead()) {
            inner.update(policy.wrap(stored.userValue(), now));
        }
        return stored.userValue();
    }

    /** The unexpired value to build on when adding (an expired one never counts). */
    static <V> V readForUpdate(ValueState<TtlValue<V>> inner, TtlPolicy policy, long now) throws IOException {
        TtlValue<V> stored = inner.value();
        return stored == null || policy.expired(stored, now) ? null : stored.userValue();
    }

    /** Incremental cleanup of a stored single value. */
    static Object prune(Object stored, TtlPolicy policy, long now) {
        return policy.expired((TtlValue<?>) stored, now) ? null : stored;
    }

    /**
     * Moves the unexpired values of the namespaces {@code sources} into {@code target} (windows
     * merging), combined with {@code merger}; the result's TTL starts now. Leaves the state scoped
     * to {@code target}.
     */
    @SuppressWarnings("unchecked")
    static <V> void merge(ValueState<TtlValue<V>> inner, TtlPolicy policy, Object target, Collection<Object> sources,
            ReduceFunction<V> merger) throws Exception {
        InternalKvState<Object> namespaced = (InternalKvState<Object>) inner;
        long now = policy.now();
        V merged = null;
        for (Object source : sources) {
            if (source.equals(target)) {
                continue;
            }
            namespaced.setCurrentNamespace(source);
            V value = readForUpdate(inner, policy, now);
            inner.clear();
            if (value != null) {
                merged = merged == null ? value : merger.reduce(merged, value);
            }
        }
        namespaced.setCurrentNamespace(target);
        if (merged != null) {
            V current = readForUpdate(inner, policy, now);
            inner.update(policy.wrap(current == null ? merged : merger.reduce(current, merged), now));
        }
    }
}
