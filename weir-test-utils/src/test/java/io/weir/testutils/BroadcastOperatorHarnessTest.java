package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.state.BroadcastState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReadOnlyBroadcastState;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broadcast state through the broadcast harnesses: writable on the broadcast side, read-only on the other. */
class BroadcastOperatorHarnessTest {
    static final MapStateDescriptor<String, Integer> LIMITS =
            new MapStateDescriptor<>("limits", Types.STRING, Types.INT);
    static final MapStateDescriptor<String, Integer> UNDECLARED =
            new MapStateDescriptor<>("other", Types.STRING, Types.INT);

    /** Broadcast elements "name=limit" set limits; elements "name:value" pass when value <= limit. */
    static final class Limit extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            String[] parts = value.split(":");
            Integer limit = ctx.getBroadcastState(LIMITS).get(parts[0]);
            if (limit != null && Integer.parseInt(parts[1]) <= limit) {
                out.collect(value + "@" + ctx.timestamp());
            }
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            String[] parts = value.split("=");
            ctx.getBroadcastState(LIMITS).put(parts[0], Integer.parseInt(parts[1]));
        }
    }

    @Test
    void broadcastElementsUpdateTheStateTheOtherSideReads() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new Limit(), LIMITS);
        harness.processElement("a:1", 1L);
        harness.processBroadcastElement("a=5", 2L);
        harness.processElement("a:4", 3L);
        harness.processElement("a:6", 4L);
        harness.processBroadcastElement("a=10", 5L);
        harness.processElement("a:6", 6L);
        assertEquals(List.of("a:4@3", "a:6@6"), harness.extractOutputValues());
        harness.close();
    }

    @Test
    void bothSidesEmitToSideOutputsWithTheElementTimestamp() throws Exception {
        OutputTag<String> rejected = new OutputTag<>("rejected") {};
        var harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new BroadcastProcessFunction<String, String, String>() {
                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
                        ctx.output(rejected, "element " + value + " at watermark " + ctx.currentWatermark());
                    }

                    @Override
                    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {
                        ctx.output(rejected, "rule " + value);
                    }
                }, LIMITS);
        harness.processBothWatermarks(new Watermark(4L));
        harness.processElement("a", 5L);
        harness.processBroadcastElement("r", 6L);
        assertEquals(List.of(new StreamRecord<>("element a at watermark 4", 5L), new StreamRecord<>("rule r", 6L)),
                List.copyOf(harness.getSideOutput(rejected)));
        assertEquals(List.of(), harness.extractOutputValues());
        harness.close();
    }

    @Test
    void theNonBroadcastSideCannotChangeBroadcastState() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new BroadcastProcessFunction<String, String, String>() {
                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
                        ReadOnlyBroadcastState<String, Integer> state = ctx.getBroadcastState(LIMITS);
                        assertTrue(!(state instanceof BroadcastState), "the read-only view must not be writable");
                        for (Map.Entry<String, Integer> e : state.immutableEntries()) {
                            e.setValue(0);
                        }
                    }

                    @Override
                    public void processBroadcastElement(String value, Context ctx, Collector<String> out)
                            throws Exception {
                        ctx.getBroadcastState(LIMITS).put(value, 1);
                    }
                }, LIMITS);
        harness.processBroadcastElement("a", 1L);
        assertThrows(UnsupportedOperationException.class, () -> harness.processElement("x", 2L));
        harness.close();
    }

    @Test
    void anUndeclaredBroadcastStateIsAClearError() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new BroadcastProcessFunction<String, String, String>() {
                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {}

                    @Override
                    public void processBroadcastElement(String value, Context ctx, Collector<String> out)
                            throws Exception {
                        ctx.getBroadcastState(UNDECLARED).put(value, 1);
                    }
                }, LIMITS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> harness.processBroadcastElement("a", 1L));
        assertTrue(e.getMessage().contains("[limits]") && e.getMessage().contains("broadcast(...)"), e.getMessage());
        harness.close();
    }

    /**
     * Keeps the last value per key; a broadcast "reset" clears every key's state and reports the
     * keys it visited.
     */
    static final class LastPerKey extends KeyedBroadcastProcessFunction<String, String, String, String> {
        static final ValueStateDescriptor<String> LAST = new ValueStateDescriptor<>("last", Types.STRING);

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            ValueState<String> last = getRuntimeContext().getState(LAST);
            Integer limit = ctx.getBroadcastState(LIMITS).get(ctx.getCurrentKey());
            out.collect(ctx.getCurrentKey() + ":" + last.value() + "->" + value + "/" + limit);
            last.update(value);
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            if (value.equals("reset")) {
                ctx.applyToKeyedState(LAST, (key, state) -> {
                    out.collect("reset " + key + " from " + state.value());
                    state.clear();
                });
            } else {
                ctx.getBroadcastState(LIMITS).put(value, value.length());
            }
        }
    }

    @Test
    void keyedBroadcastFunctionVisitsTheStateOfEveryKey() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new LastPerKey(),
                s -> s.substring(0, 1), Types.STRING, LIMITS);
        harness.processElement("a1", 1L);
        harness.processBroadcastElement("a", 2L);
        harness.processElement("b1", 3L);
        harness.processElement("a2", 4L);
        assertEquals(2, harness.numKeyedStateEntries());
        harness.processBroadcastElement("reset", 5L);
        assertEquals(0, harness.numKeyedStateEntries());
        harness.processElement("a3", 6L);

        List<String> out = harness.extractOutputValues();
        assertEquals(List.of("a:null->a1/null", "b:null->b1/null", "a:a1->a2/1"), out.subList(0, 3));
        assertEquals(List.of("reset a from a2", "reset b from b1"), out.subList(3, 5).stream().sorted().toList());
        assertEquals("a:null->a3/1", out.get(5));
        harness.close();
    }
}
