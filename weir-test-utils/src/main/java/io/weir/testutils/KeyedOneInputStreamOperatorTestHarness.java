package io.weir.testutils;

import io.weir.api.functions.KeySelector;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.types.TypeInformation;

/**
 * A {@link OneInputStreamOperatorTestHarness} for operators on a keyed stream: each element's key
 * is extracted with the key selector and its keyed state is in scope while it is processed.
 */
public class KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> extends OneInputStreamOperatorTestHarness<IN, OUT> {

    public KeyedOneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator,
            KeySelector<IN, K> keySelector, TypeInformation<K> keyType) {
        this(operator, keySelector, keyType, 128, 1, 0);
    }

    public KeyedOneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator,
            KeySelector<IN, K> keySelector, TypeInformation<K> keyType, int maxParallelism, int parallelism,
            int subtaskIndex) {
        super(operator, keySelector, maxParallelism, parallelism, subtaskIndex);
        setKeyType(keyType);
    }
}
