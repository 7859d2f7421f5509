package io.weir.bench.nexmark.query;

import io.weir.api.functions.AggregateFunction;

/** {@code count(*)} of the elements in a window: incremental, and mergeable for session windows. */
final class Count<T> implements AggregateFunction<T, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(T element, Long count) {
        return count + 1;
    }

    @Override
    public Long getResult(Long count) {
        return count;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
