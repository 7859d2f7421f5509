package io.weir.testutils;

import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.operators.CoProcessOperator;
import io.weir.api.operators.KeyedCoProcessOperator;
import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.ProcessOperator;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.TypeInformation;
import io.weir.runtime.operators.broadcast.CoBroadcastWithKeyedOperator;
import io.weir.runtime.operators.broadcast.CoBroadcastWithNonKeyedOperator;
import java.util.List;

/** Ready-opened harnesses for process functions. */
public final class ProcessFunctionTestHarnesses {
    private ProcessFunctionTestHarnesses() {}

    public static <IN, OUT> OneInputStreamOperatorTestHarness<IN, OUT> forProcessFunction(
            ProcessFunction<IN, OUT> function) throws Exception {
        OneInputStreamOperatorTestHarness<IN, OUT> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(function));
        harness.open();
        return harness;
    }

    public static <K, IN, OUT> KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> forKeyedProcessFunction(
            KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector, TypeInformation<K> keyType)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function), keySelector, keyType);
        harness.open();
        return harness;
    }

    public static <IN1, IN2, OUT> TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> forCoProcessFunction(
            CoProcessFunction<IN1, IN2, OUT> function) throws Exception {
        TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> harness =
                new TwoInputStreamOperatorTestHarness<>(new CoProcessOperator<>(function));
        harness.open();
        return harness;
    }

    public static <K, IN1, IN2, OUT> KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> forKeyedCoProcessFunction(
            KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2, TypeInformation<K> keyType) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(function), keySelector1, keySelector2, keyType);
        harness.open();
        return harness;
    }

    public static <IN1, IN2, OUT> BroadcastOperatorTestHarness<IN1, IN2, OUT> forBroadcastProcessFunction(
            BroadcastProcessFunction<IN1, IN2, OUT> function, MapStateDescriptor<?, ?>... descriptors) throws Exception {
        BroadcastOperatorTestHarness<IN1, IN2, OUT> harness = new BroadcastOperatorTestHarness<>(
                new CoBroadcastWithNonKeyedOperator<>(function, List.of(descriptors)));
        harness.open();
        return harness;
    }

    public static <K, IN1, IN2, OUT> KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT> forKeyedBroadcastProcessFunction(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType, MapStateDescriptor<?, ?>... descriptors) throws Exception {
        KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT> harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of(descriptors)), keySelector, keyType);
        harness.open();
        return harness;
    }
}
