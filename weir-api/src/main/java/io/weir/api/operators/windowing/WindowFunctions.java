package io.weir.api.operators.windowing;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.windowing.windows.Window;
import java.util.List;

/** The adapters that turn every windowed function shape into the {@link ProcessWindowFunction} the operator calls. */
final class WindowFunctions {
    private WindowFunctions() {}

    /** Emits the (pre-aggregated) value of the window as it is. */
    static final class PassThrough<T, K, W extends Window> extends ProcessWindowFunction<T, T, K, W> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(K key, Context context, Iterable<T> elements, Collector<T> out) {
            for (T element : elements) {
                out.collect(element);
            }
        }
    }

    /** Runs a {@link WindowFunction}. */
    static final class Apply<IN, OUT, K, W extends Window>
            extends WrappingProcessWindowFunction<IN, OUT, K, W, WindowFunction<IN, OUT, K, W>> {
        private static final long serialVersionUID = 1L;

        Apply(WindowFunction<IN, OUT, K, W> function) {
            super(function);
        }

        @Override
        public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            wrapped.apply(key, context.window(), elements, out);
        }
    }

    /** Reduces all elements of the window (used with an evictor), then runs the window function on the result. */
    static final class ReduceThenProcess<T, R, K, W extends Window>
            extends WrappingProcessWindowFunction<T, R, K, W, ProcessWindowFunction<T, R, K, W>> {
        private static final long serialVersionUID = 1L;

        private final ReduceFunction<T> reducer;
        private transient ForwardingWindowContext<T, R, K, W> innerContext;

        ReduceThenProcess(ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
            super(function);
            this.reducer = reducer;
        }

        @Override
        public void process(K key, Context context, Iterable<T> elements, Collector<R> out) throws Exception {
            T result = null;
            for (T element : elements) {
                result = result == null ? element : reducer.reduce(result, element);
            }
            if (result != null) {
                wrapped.process(key, context(context), List.of(result), out);
            }
        }

        @Override
        public void clear(Context context) throws Exception {
            wrapped.clear(context(context));
        }

        private ForwardingWindowContext<T, R, K, W> context(Context outer) {
            if (innerContext == null) {
                innerContext = new ForwardingWindowContext<>(wrapped);
            }
            return innerContext.of(outer);
        }
    }

    /** Aggregates all elements of the window (used with an evictor), then runs the window function on the result. */
    static final class AggregateThenProcess<T, ACC, V, R, K, W extends Window>
            extends WrappingProcessWindowFunction<T, R, K, W, ProcessWindowFunction<V, R, K, W>> {
        private static final long serialVersionUID = 1L;

        private final AggregateFunction<T, ACC, V> aggregate;
        private transient ForwardingWindowContext<V, R, K, W> innerContext;

        AggregateThenProcess(AggregateFunction<T, ACC, V> aggregate, ProcessWindowFunction<V, R, K, W> function) {
            super(function);
            this.aggregate = aggregate;
        }

        @Override
        public void process(K key, Context context, Iterable<T> elements, Collector<R> out) throws Exception {
            ACC acc = aggregate.createAccumulator();
            for (T element : elements) {
                acc = aggregate.add(element, acc);
            }
            wrapped.process(key, context(context), List.of(aggregate.getResult(acc)), out);
        }

        @Override
        public void clear(Context context) throws Exception {
            wrapped.clear(context(context));
        }

        private ForwardingWindowContext<V, R, K, W> context(Context outer) {
            if (innerContext == null) {
                innerContext = new ForwardingWindowContext<>(wrapped);
            }
            return innerContext.of(outer);
        }
    }
}
