package io.weir.testutils.windowing;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.windowing.WindowOperatorBuilder;
import io.weir.api.transformations.WindowOperatorDescription;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.api.types.TypeInformation;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.operators.BuiltInOperators;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;

/** Inputs are (key, value) pairs keyed by the key; results name the key, the window and the values. */
final class WindowTestSupport {
    static final TypeInformation<Tuple2<String, Integer>> PAIR = Types.TUPLE(Types.STRING, Types.INT);

    private WindowTestSupport() {}

    static Tuple2<String, Integer> pair(String key, int value) {
        return Tuple2.of(key, value);
    }

    static <W extends Window> WindowOperatorBuilder<Tuple2<String, Integer>, String, W> builder(
            WindowAssigner<? super Tuple2<String, Integer>, W> assigner) {
        @SuppressWarnings("unchecked")
        var trigger = (io.weir.api.windowing.triggers.Trigger<? super Tuple2<String, Integer>, ? super W>)
                assigner.getDefaultTrigger();
        return new WindowOperatorBuilder<>(assigner, trigger, new ExecutionConfig(), PAIR);
    }

    /** A harness, opened, on the window operator {@code description} describes. */
    static <OUT, W extends Window> KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, OUT> harness(
            WindowOperatorDescription<String, Tuple2<String, Integer>, OUT, W> description) throws Exception {
        return harness(BuiltInOperators.window(description));
    }

    static <OUT> KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, OUT> harness(
            OneInputStreamOperator<Tuple2<String, Integer>, OUT> operator) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, (Tuple2<String, Integer> p) -> p.f0,
                Types.STRING);
        harness.open();
        return harness;
    }

    static final class Sum implements ReduceFunction<Tuple2<String, Integer>> {
        @Override
        public Tuple2<String, Integer> reduce(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
            return Tuple2.of(a.f0, a.f1 + b.f1);
        }
    }

    /** Emits "key[start,end)=v1,v2,..." for time windows, "key=v1,v2,..." for others. */
    static final class Describe<W extends Window>
            extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, W> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                Collector<String> out) {
            StringBuilder sb = new StringBuilder(key);
            if (context.window() instanceof TimeWindow w) {
                sb.append('[').append(w.getStart()).append(',').append(w.getEnd()).append(')');
            }
            sb.append('=');
            String sep = "";
            for (Tuple2<String, Integer> e : elements) {
                sb.append(sep).append(e.f1);
                sep = ",";
            }
            out.collect(sb.toString());
        }
    }
}
