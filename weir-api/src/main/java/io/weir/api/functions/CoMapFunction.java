package io.weir.api.functions;

/**
 * Maps the two inputs of a connected stream to one output type: {@link #map1} for each element of
 * the first input, {@link #map2} for each element of the second. Both run on the same instance, so
 * they can share fields (and keyed state, when the connected streams are keyed).
 */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}
