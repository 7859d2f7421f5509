package io.weir.api.functions.windowing;

import io.weir.api.functions.Collector;
import io.weir.api.functions.Function;
import io.weir.api.windowing.windows.Window;

/** Evaluates a window of a keyed stream; the simpler form of {@link ProcessWindowFunction}. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
