package io.weir.api.transformations;

import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.AppendingState;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.windows.Window;
import java.util.Objects;

/**
 * A window operator, as {@code WindowOperatorBuilder} makes it from a windowed stream: how windows
 * group and fire ({@code spec}), the keyed state that holds each window's contents, and the
 * function that evaluates a window when it fires (every other function shape adapted to a
 * {@link ProcessWindowFunction}).
 *
 * @param contents the state of a window's contents: all elements (a list), or one value reduced or
 *     aggregated as elements arrive
 * @param singleValueContents whether {@code contents} holds one value, which the function then sees
 *     as a one-element iterable
 * @param evictor the evictor, or {@code null} for none; with one, {@code contents} is a list of the
 *     elements with their timestamps
 */
public record WindowOperatorDescription<K, IN, OUT, W extends Window>(WindowSpec<IN, W> spec,
        StateDescriptor<? extends AppendingState<?, ?>, ?> contents, boolean singleValueContents,
        ProcessWindowFunction<?, OUT, K, W> function, Evictor<? super IN, ? super W> evictor)
        implements OperatorDescription {
    public WindowOperatorDescription {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(function, "user function");
    }
}
