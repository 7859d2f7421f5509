package io.weir.testutils;

import io.weir.api.functions.KeySelector;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.types.TypeInformation;

/**
 * A {@link TwoInputStreamOperatorTestHarness} for operators on two connected keyed streams: each
 * element's key is extracted with its input's key selector, and that key's state is in scope while
 * the element is processed, whichever input it came from.
 */
public class KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT>
        extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {

    public KeyedTwoInputStreamOperatorTestHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2, TypeInformation<K> keyType) {
        this(operator, keySelector1, keySelector2, keyType, 128, 1, 0);
    }

    /**
     * @param keySelector2 the second input's key selector; {@code null} for an unkeyed second input
     *     (the broadcast side of a keyed broadcast operator)
     */
    public KeyedTwoInputStreamOperatorTestHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2, TypeInformation<K> keyType,
            int maxParallelism, int parallelism, int subtaskIndex) {
        super(operator, requireKey(keySelector1), keySelector2, maxParallelism, parallelism, subtaskIndex);
        setKeyType(keyType);
    }

    private static <T, K> KeySelector<T, K> requireKey(KeySelector<T, K> selector) {
        if (selector == null) {
            throw new IllegalArgumentException("A keyed harness needs the first input's key selector.");
        }
        return selector;
    }
}
