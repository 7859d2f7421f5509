package io.weir.runtime.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.ValueState;
import java.util.Collection;

/** {@link AggregatingState} with TTL: the accumulator expires as a whole; an expired one starts over. */
final class TtlAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT>, InternalMergingState<Object> {
    private final ValueState<TtlValue<ACC>> inner;
    private final TtlPolicy policy;
    private final AggregateFunction<IN, ACC, OUT> function;

    TtlAggregatingState(ValueState<TtlValue<ACC>> inner, TtlPolicy policy, AggregateFunction<IN, ACC, OUT> function) {
        this.inner = inner;
        this.policy = policy;
        this.function = function;
    }

    @Override
    public OUT get() throws Exception {
        policy.onAccess();
        ACC acc = TtlSingleValue.read(inner, policy);
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    public void add(IN value) throws Exception {
        policy.onAccess();
        long now = policy.now();
        ACC acc = TtlSingleValue.readForUpdate(inner, policy, now);
        if (acc == null) {
            acc = function.createAccumulator();
        }
        inner.update(policy.wrap(function.add(value, acc), now));
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
        TtlSingleValue.merge(inner, policy, target, sources, function::merge);
    }
}
