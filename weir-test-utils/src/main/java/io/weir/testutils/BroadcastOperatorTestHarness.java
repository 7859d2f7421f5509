package io.weir.testutils;

import io.weir.runtime.operators.broadcast.CoBroadcastWithNonKeyedOperator;

/**
 * A harness for a {@link CoBroadcastWithNonKeyedOperator} (a {@code BroadcastProcessFunction}):
 * {@link #processElement} feeds the unkeyed stream, {@link #processBroadcastElement} the broadcast
 * stream. Made by {@link ProcessFunctionTestHarnesses#forBroadcastProcessFunction}.
 */
public class BroadcastOperatorTestHarness<IN1, IN2, OUT> extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {

    public BroadcastOperatorTestHarness(CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> operator) {
        super(operator);
    }

    public void processElement(IN1 value, long timestamp) throws Exception {
        processElement1(value, timestamp);
    }

    public void processBroadcastElement(IN2 value, long timestamp) throws Exception {
        processElement2(value, timestamp);
    }
}
