package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.operators.CoProcessOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timers and side outputs of the co-process and keyed broadcast functions, driven through the two-input harnesses. */
class CoProcessTimersTest {
    static final OutputTag<String> LATE = new OutputTag<>("late") {};

    /**
     * Remembers the last value of each key from either input and reports it 10 ms of event time
     * after the first element of the key, and 5 ms of processing time after it.
     */
    static final class ReportLater extends KeyedCoProcessFunction<String, String, String, String> {
        static final ValueStateDescriptor<String> LAST = new ValueStateDescriptor<>("last", Types.STRING);

        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) throws Exception {
            remember(value, ctx);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) throws Exception {
            if (ctx.timestamp() != null && ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                ctx.output(LATE, value);
                return;
            }
            remember(value, ctx);
        }

        private void remember(String value, Context ctx) throws Exception {
            ValueState<String> last = getRuntimeContext().getState(LAST);
            if (last.value() == null) {
                ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
                ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 5);
            }
            last.update(value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            ValueState<String> last = getRuntimeContext().getState(LAST);
            out.collect(ctx.timeDomain() + " " + ctx.getCurrentKey() + "@" + timestamp + "=" + last.value());
            if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
                last.clear();
            }
        }
    }

    @Test
    void eventTimeTimersFireWhenBothInputsPassedThem() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new ReportLater(),
                s -> s.substring(0, 1), s -> s.substring(0, 1), Types.STRING);
        harness.processElement1("a1", 100L);
        harness.processElement2("a2", 101L);
        harness.processElement2("b1", 105L);
        assertEquals(2, harness.numEventTimeTimers());

        harness.processWatermark1(200L);
        assertEquals(List.of(), harness.extractOutputValues(), "input 2 still holds event time at its start");
        harness.processWatermark2(112L);
        assertEquals(List.of(new StreamRecord<>("EVENT_TIME a@110=a2", 110L), new Watermark(112L)),
                List.copyOf(harness.getOutput()));
        assertEquals(1, harness.numEventTimeTimers());
        assertEquals(1, harness.numKeyedStateEntries());

        harness.processElement2("a3", 50L);
        assertEquals(List.of(new StreamRecord<>("a3", 50L)), List.copyOf(harness.getSideOutput(LATE)));
        harness.close();
    }

    @Test
    void processingTimeTimersFireWhenTheClockMoves() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new ReportLater(),
                s -> s.substring(0, 1), s -> s.substring(0, 1), Types.STRING);
        harness.setProcessingTime(1_000L);
        harness.processElement1("a1", 1L);
        harness.processElement2("a2", 2L);
        assertEquals(1, harness.numProcessingTimeTimers());
        harness.setProcessingTime(1_004L);
        assertEquals(List.of(), harness.extractOutputValues());
        harness.setProcessingTime(1_005L);
        assertEquals(List.of(new StreamRecord<>("PROCESSING_TIME a@1005=a2")), harness.extractOutputStreamRecords());
        harness.close();
    }

    @Test
    void unkeyedCoProcessFunctionReadsClocksButHasNoTimers() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forCoProcessFunction(new CoProcessFunction<String, String, String>() {
            @Override
            public void processElement1(String value, Context ctx, Collector<String> out) {
                out.collect(value + "@wm=" + ctx.timerService().currentWatermark());
                ctx.output(LATE, value);
            }

            @Override
            public void processElement2(String value, Context ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(10L);
            }
        });
        harness.processBothWatermarks(new Watermark(7L));
        harness.processElement1("x", 8L);
        assertEquals(List.of("x@wm=7"), harness.extractOutputValues());
        assertEquals(List.of(new StreamRecord<>("x", 8L)), List.copyOf(harness.getSideOutput(LATE)));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> harness.processElement2("y", 9L));
        assertTrue(e.getMessage().contains("keyed"), e.getMessage());
        harness.close();
    }

    @Test
    void coProcessFunctionOnKeyedInputsHasTimers() throws Exception {
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new CoProcessOperator<>(new CoProcessFunction<String, String, String>() {
                    @Override
                    public void processElement1(String value, Context ctx, Collector<String> out) {
                        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
                    }

                    @Override
                    public void processElement2(String value, Context ctx, Collector<String> out) {
                        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        out.collect(ctx.timeDomain() + "@" + timestamp);
                    }
                }), s -> s, s -> s, Types.STRING);
        harness.open();
        harness.processElement1("a", 1L);
        harness.processElement2("a", 1L);
        harness.processElement2("b", 2L);
        assertEquals(2, harness.numEventTimeTimers(), "one timer per key and time");
        harness.processBothWatermarks(new Watermark(10L));
        assertEquals(List.of("EVENT_TIME@6", "EVENT_TIME@7"), harness.extractOutputValues());
        harness.close();
    }

    @Test
    void keyedBroadcastFunctionTimersSeeTheBroadcastState() throws Exception {
        MapStateDescriptor<String, String> greetings = new MapStateDescriptor<>("greetings", Types.STRING, Types.STRING);
        var harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new KeyedBroadcastProcessFunction<String, String, String, String>() {
                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
                        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1);
                    }

                    @Override
                    public void processBroadcastElement(String value, Context ctx, Collector<String> out)
                            throws Exception {
                        ctx.getBroadcastState(greetings).put("hello", value);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                        out.collect(ctx.getBroadcastState(greetings).get("hello") + " " + ctx.getCurrentKey()
                                + " at " + ctx.currentWatermark());
                    }
                }, s -> s, Types.STRING, greetings);
        harness.processElement("bob", 10L);
        harness.processBroadcastElement("hi", 5L);
        harness.processBothWatermarks(new Watermark(11L));
        assertEquals(List.of(new StreamRecord<>("hi bob at 11", 11L)), harness.extractOutputStreamRecords());
        assertEquals(0, harness.numEventTimeTimers());
        harness.close();
    }
}
