package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.operators.StreamFilter;
import io.weir.api.operators.StreamMap;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.runtime.operators.StreamGroupedReduceOperator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harnesses drive operators as a task would: elements, watermarks, keyed state, end of input. */
class OperatorHarnessTest {
    @Test
    void mapKeepsTimestampsAndForwardsWatermarksInOrder() throws Exception {
        try (OneInputStreamOperatorTestHarness<Integer, Integer> harness =
                new OneInputStreamOperatorTestHarness<>(new StreamMap<Integer, Integer>(x -> x * 2))) {
            harness.open();
            harness.processElement(1, 10L);
            harness.processWatermark(11L);
            harness.processElement(new StreamRecord<>(5));
            assertEquals(List.of(new StreamRecord<>(2, 10L), new Watermark(11L), new StreamRecord<>(10)),
                    List.copyOf(harness.getOutput()));
            assertEquals(List.of(2, 10), harness.extractOutputValues());
        }
    }

    @Test
    void filterDropsRejectedElements() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new StreamFilter<Integer>(x -> x > 2))) {
            harness.open();
            for (int i = 0; i < 5; i++) {
                harness.processElement(i, i);
            }
            assertEquals(List.of(3, 4), harness.extractOutputValues());
        }
    }

    @Test
    void feedingBeforeOpenIsAClearError() {
        var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<Integer, Integer>(x -> x));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> harness.processElement(1, 1L));
        assertTrue(e.getMessage().contains("open()"));
    }

    @Test
    void processFunctionSeesTheTimestamp() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ProcessFunction<String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                out.collect(value + "@" + ctx.timestamp());
            }
        });
        harness.processElement("a", 7L);
        assertEquals(List.of("a@7"), harness.extractOutputValues());
        harness.close();
    }

    @Test
    void keyedProcessFunctionKeepsStatePerKey() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountPerKey(), s -> s.substring(0, 1),
                Types.STRING);
        for (String s : List.of("a1", "b1", "a2", "a3", "b2")) {
            harness.processElement(s, 0L);
        }
        assertEquals(List.of("a:1", "b:1", "a:2", "a:3", "b:2"), harness.extractOutputValues());
        assertEquals(2, harness.numKeyedStateEntries());
        harness.close();
    }

    @Test
    void keyedStateIsInspectableForAKey() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountPerKey(), s -> s.substring(0, 1),
                Types.STRING);
        harness.processElement("x1", 0L);
        harness.processElement("x2", 0L);
        harness.getKeyedStateBackend().setCurrentKey("x");
        ValueState<Long> count = harness.getKeyedStateBackend()
                .getPartitionedState(new ValueStateDescriptor<>("count", Types.LONG));
        assertEquals(2L, count.value());
        harness.close();
    }

    @Test
    void rollingReduceInBatchModeEmitsOnlyFinalValuesWhenEventTimeEnds() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<String, String, String>(
                new StreamGroupedReduceOperator<>((a, b) -> a + b, Types.STRING), s -> s.substring(0, 1), Types.STRING);
        harness.getExecutionConfig().setRuntimeMode(RuntimeExecutionMode.BATCH);
        harness.open();
        for (String s : List.of("a", "b", "ab", "bb")) {
            harness.processElement(s, 0L);
        }
        assertTrue(harness.extractOutputValues().isEmpty());
        // in a BATCH job each key's event time ends after its last record; here all keys end at once
        harness.processWatermark(Long.MAX_VALUE);
        harness.endInput();
        List<String> out = new java.util.ArrayList<>(harness.extractOutputValues());
        out.sort(null);
        assertEquals(List.of("aab", "bbb"), out);
        harness.close();
    }

    @Test
    void rollingReduceInStreamingModeEmitsEveryUpdate() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<String, String, String>(
                new StreamGroupedReduceOperator<>((a, b) -> a + b, Types.STRING), s -> s.substring(0, 1), Types.STRING);
        harness.open();
        for (String s : List.of("a", "b", "ab")) {
            harness.processElement(s, 0L);
        }
        assertEquals(List.of("a", "b", "aab"), harness.extractOutputValues());
        harness.close();
    }

    /** Counts elements per key in a value state named "count". */
    static final class CountPerKey extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + ":" + next);
        }
    }
}
