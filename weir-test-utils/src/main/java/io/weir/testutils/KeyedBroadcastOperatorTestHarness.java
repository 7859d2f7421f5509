package io.weir.testutils;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.TypeInformation;
import io.weir.runtime.operators.broadcast.CoBroadcastWithKeyedOperator;

/**
 * A harness for a {@link CoBroadcastWithKeyedOperator} (a {@code KeyedBroadcastProcessFunction}):
 * {@link #processElement} feeds the keyed stream, with the element's key in scope;
 * {@link #processBroadcastElement} feeds the broadcast stream. Made by
 * {@link ProcessFunctionTestHarnesses#forKeyedBroadcastProcessFunction}.
 */
public class KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT>
        extends KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> {

    public KeyedBroadcastOperatorTestHarness(CoBroadcastWithKeyedOperator<K, IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector, TypeInformation<K> keyType) {
        super(operator, keySelector, null, keyType);
    }

    public void processElement(IN1 value, long timestamp) throws Exception {
        processElement1(value, timestamp);
    }

    public void processBroadcastElement(IN2 value, long timestamp) throws Exception {
        processElement2(value, timestamp);
    }
}
