package io.weir.api.datastream;

import io.weir.api.functions.ClosureCleaner;
import io.weir.api.functions.Collector;
import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.windowing.AllWindowFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/**
 * {@code windowAll} runs as a window on a stream keyed by one constant key at parallelism 1; these
 * adapt the non-keyed window functions to that keyed form.
 */
final class AllWindowFunctionAdapters {
    private AllWindowFunctionAdapters() {}

    /** Gives every element the same key, so that one subtask sees the whole stream. */
    static final class ConstantKey<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;
        private static final Byte KEY = 0;

        @Override
        public Byte getKey(T value) {
            return KEY;
        }
    }

    /** Passes the life cycle on to the wrapped function if it is rich. */
    private abstract static class Wrapping<IN, OUT, W extends Window> extends ProcessWindowFunction<IN, OUT, Byte, W> {
        private static final long serialVersionUID = 1L;

        private final Function wrapped;

        Wrapping(Function wrapped) {
            this.wrapped = ClosureCleaner.clean(java.util.Objects.requireNonNull(wrapped, "window function"));
        }

        @Override
        public void setRuntimeContext(RuntimeContext context) {
            super.setRuntimeContext(context);
            if (wrapped instanceof RichFunction rich) {
                rich.setRuntimeContext(context);
            }
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            if (wrapped instanceof RichFunction rich) {
                rich.open(openContext);
            }
        }

        @Override
        public void close() throws Exception {
            if (wrapped instanceof RichFunction rich) {
                rich.close();
            }
        }
    }

    static final class Process<IN, OUT, W extends Window> extends Wrapping<IN, OUT, W> {
        private static final long serialVersionUID = 1L;

        private final ProcessAllWindowFunction<IN, OUT, W> function;
        private transient AllContext context;

        Process(ProcessAllWindowFunction<IN, OUT, W> function) {
            super(function);
            this.function = function;
        }

        @Override
        public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            function.process(context(context), elements, out);
        }

        @Override
        public void clear(Context context) throws Exception {
            function.clear(context(context));
        }

        private AllContext context(Context outer) {
            if (context == null) {
                context = new AllContext();
            }
            context.outer = outer;
            return context;
        }

        private final class AllContext extends ProcessAllWindowFunction<IN, OUT, W>.Context {
            private ProcessWindowFunction<IN, OUT, Byte, W>.Context outer;

            AllContext() {
                function.super();
            }

            @Override
            public W window() {
                return outer.window();
            }

            @Override
            public KeyedStateStore windowState() {
                return outer.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return outer.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                outer.output(outputTag, value);
            }
        }
    }

    static final class Apply<IN, OUT, W extends Window> extends Wrapping<IN, OUT, W> {
        private static final long serialVersionUID = 1L;

        private final AllWindowFunction<IN, OUT, W> function;

        Apply(AllWindowFunction<IN, OUT, W> function) {
            super(function);
            this.function = function;
        }

        @Override
        public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
            function.apply(context.window(), elements, out);
        }
    }
}
