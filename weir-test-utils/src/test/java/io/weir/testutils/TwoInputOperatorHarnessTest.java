package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.CoFlatMapFunction;
import io.weir.api.functions.CoMapFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.CoStreamFlatMap;
import io.weir.api.operators.CoStreamMap;
import io.weir.api.operators.KeyedCoProcessOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-input harnesses drive co-operators as a two-input task would: two element streams, two watermarks. */
class TwoInputOperatorHarnessTest {

    static final class Describe implements CoMapFunction<Integer, String, String> {
        @Override
        public String map1(Integer value) {
            return "int:" + value;
        }

        @Override
        public String map2(String value) {
            return "str:" + value;
        }
    }

    @Test
    void coMapKeepsEachInputsTimestampsAndOrder() throws Exception {
        try (var harness = new TwoInputStreamOperatorTestHarness<>(new CoStreamMap<>(new Describe()))) {
            harness.open();
            harness.processElement1(1, 10L);
            harness.processElement2("a", 5L);
            harness.processElement1(new StreamRecord<>(2));
            assertEquals(List.of(new StreamRecord<>("int:1", 10L), new StreamRecord<>("str:a", 5L),
                    new StreamRecord<>("int:2")), List.copyOf(harness.getOutput()));
        }
    }

    @Test
    void watermarkIsTheMinimumOfBothInputs() throws Exception {
        try (var harness = new TwoInputStreamOperatorTestHarness<>(new CoStreamMap<>(new Describe()))) {
            harness.open();
            harness.processWatermark1(10L);
            assertEquals(List.of(), List.copyOf(harness.getOutput()), "the second input holds the watermark back");
            harness.processWatermark2(7L);
            harness.processWatermark2(12L);
            harness.processWatermark1(11L);
            harness.processWatermark1(20L);
            assertEquals(List.of(new Watermark(7L), new Watermark(10L), new Watermark(11L), new Watermark(12L)),
                    List.copyOf(harness.getOutput()));
        }
    }

    @Test
    void anIdleInputDoesNotHoldTheWatermarkBack() throws Exception {
        try (var harness = new TwoInputStreamOperatorTestHarness<>(new CoStreamMap<>(new Describe()))) {
            harness.open();
            harness.processWatermark1(10L);
            harness.processWatermarkStatus2(WatermarkStatus.IDLE);
            harness.processWatermark1(15L);
            harness.processWatermark2(12L);
            harness.processWatermarkStatus1(WatermarkStatus.IDLE);
            harness.processWatermarkStatus2(WatermarkStatus.ACTIVE);
            harness.processWatermark2(14L);
            harness.processWatermark2(16L);
            assertEquals(List.of(new Watermark(10L), new Watermark(15L), WatermarkStatus.IDLE, WatermarkStatus.ACTIVE,
                    new Watermark(16L)), List.copyOf(harness.getOutput()),
                    "both idle: idle status; one active again: it counts once past the watermark, which never goes back");
        }
    }

    @Test
    void coFlatMapEmitsAnyNumberWithTheInputTimestamp() throws Exception {
        CoFlatMapFunction<String, Integer, String> split = new CoFlatMapFunction<>() {
            @Override
            public void flatMap1(String value, Collector<String> out) {
                for (String word : value.split(" ")) {
                    out.collect(word);
                }
            }

            @Override
            public void flatMap2(Integer value, Collector<String> out) {
                for (int i = 0; i < value; i++) {
                    out.collect("#" + i);
                }
            }
        };
        try (var harness = new TwoInputStreamOperatorTestHarness<>(new CoStreamFlatMap<>(split))) {
            harness.open();
            harness.processElement1("a b", 3L);
            harness.processElement2(0, 4L);
            harness.processElement2(2, 5L);
            assertEquals(List.of(new StreamRecord<>("a", 3L), new StreamRecord<>("b", 3L), new StreamRecord<>("#0", 5L),
                    new StreamRecord<>("#1", 5L)), harness.extractOutputStreamRecords());
        }
    }

    @Test
    void coProcessFunctionSeesTheTimestampOfEitherInput() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forCoProcessFunction(new CoProcessFunction<String, Long, String>() {
            @Override
            public void processElement1(String value, Context ctx, Collector<String> out) {
                out.collect("1:" + value + "@" + ctx.timestamp());
            }

            @Override
            public void processElement2(Long value, Context ctx, Collector<String> out) {
                out.collect("2:" + value + "@" + ctx.timestamp());
            }
        });
        harness.processElement1("x", 1L);
        harness.processElement2(new StreamRecord<>(9L));
        assertEquals(List.of("1:x@1", "2:9@null"), harness.extractOutputValues());
        harness.close();
    }

    /** Counts per key over both inputs: keyed state is shared by the two inputs of one key. */
    static final class CountPerKey extends KeyedCoProcessFunction<String, String, Integer, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) throws Exception {
            bump(ctx, out);
        }

        @Override
        public void processElement2(Integer value, Context ctx, Collector<String> out) throws Exception {
            bump(ctx, out);
        }

        private void bump(Context ctx, Collector<String> out) throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + "=" + n);
        }
    }

    @Test
    void keyedCoProcessFunctionSharesStateOfAKeyAcrossInputs() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new CountPerKey(),
                s -> s.substring(0, 1), i -> i % 2 == 0 ? "e" : "o", Types.STRING);
        harness.processElement1("e1", 1L);
        harness.processElement2(4, 2L);
        harness.processElement1("o1", 3L);
        harness.processElement2(3, 4L);
        harness.processElement2(8, 5L);
        assertEquals(List.of("e=1", "e=2", "o=1", "o=2", "e=3"), harness.extractOutputValues());
        assertEquals(2, harness.numKeyedStateEntries());
        harness.close();
    }

    @Test
    void keyedCoProcessOperatorOnUnkeyedInputsIsAClearError() {
        var harness = new TwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new CountPerKey()));
        IllegalStateException e = assertThrows(IllegalStateException.class, harness::open);
        assertTrue(e.getMessage().contains("keyBy"), e.getMessage());
    }

    /** Emits the elements of input 2 only after input 1 has ended. */
    static final class HoldSecondUntilFirstEnds extends AbstractStreamOperator<String>
            implements TwoInputStreamOperator<String, String, String>, BoundedMultiInput {
        private final List<String> held = new ArrayList<>();
        private boolean firstEnded;

        @Override
        public void processElement1(StreamRecord<String> element) {
            output.collect(element);
        }

        @Override
        public void processElement2(StreamRecord<String> element) {
            if (firstEnded) {
                output.collect(element);
            } else {
                held.add(element.getValue());
            }
        }

        @Override
        public void endInput(int inputId) {
            if (inputId == 1) {
                firstEnded = true;
                held.forEach(v -> output.collect(new StreamRecord<>(v)));
                held.clear();
            }
        }
    }

    @Test
    void endInputTellsABoundedMultiInputOperatorWhichInputEnded() throws Exception {
        try (var harness = new TwoInputStreamOperatorTestHarness<>(new HoldSecondUntilFirstEnds())) {
            harness.open();
            harness.processElement2("b1", 1L);
            harness.processElement1("a1", 2L);
            assertEquals(List.of("a1"), harness.extractOutputValues());
            harness.endInput1();
            harness.processElement2("b2", 3L);
            assertEquals(List.of("a1", "b1", "b2"), harness.extractOutputValues());
        }
    }

    @Test
    void feedingBeforeOpenIsAClearError() {
        var harness = new TwoInputStreamOperatorTestHarness<>(new CoStreamMap<>(new Describe()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> harness.processElement2("a", 1L));
        assertTrue(e.getMessage().contains("open()"));
    }
}
