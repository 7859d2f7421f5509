package io.weir.testutils;


import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.types.Types;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Timers of process functions, driven through the harness: watermarks and a manual clock. */
class ProcessFunctionTimersTest {

    /** Input "key:time" registers an event-time timer at time; "key:-time" deletes it; "key:ptime" a processing-time timer. */
    static final class TimerFunction extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            String[] parts = value.split(":");
            String spec = parts[1];
            if (spec.startsWith("-")) {
                ctx.timerService().deleteEventTimeTimer(Long.parseLong(spec.substring(1)));
            } else if (spec.startsWith("p")) {
                ctx.timerService().registerProcessingTimeTimer(Long.parseLong(spec.substring(1)));
            } else {
                ctx.timerService().registerEventTimeTimer(Long.parseLong(spec));
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + "/" + ctx.timeDomain() + "/ts=" + ctx.timestamp()
                    + "/wm=" + ctx.timerService().currentWatermark());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new TimerFunction(), s -> s.split(":")[0],
                Types.STRING);
    }

    @Test
    void eventTimeTimersFireInTimestampOrderWhenTheWatermarkPassesThem() throws Exception {
        try (var harness = harness()) {
            harness.processElement("b:30", 1L);
            harness.processElement("a:10", 1L);
            harness.processElement("c:20", 1L);
            assertEquals(3, harness.numEventTimeTimers());
            harness.processWatermark(19L);
            harness.processWatermark(30L);
            assertEquals(List.of(
                    new StreamRecord<>("a@10/EVENT_TIME/ts=10/wm=19", 10L), new Watermark(19L),
                    new StreamRecord<>("c@20/EVENT_TIME/ts=20/wm=30", 20L),
                    new StreamRecord<>("b@30/EVENT_TIME/ts=30/wm=30", 30L), new Watermark(30L)),
                    List.copyOf(harness.getOutput()));
            assertEquals(0, harness.numEventTimeTimers());
        }
    }

    @Test
    void registeringTheSameTimeTwiceForAKeyFiresOnce() throws Exception {
        try (var harness = harness()) {
            harness.processElement("a:10", 1L);
            harness.processElement("a:10", 2L);
            harness.processElement("b:10", 3L);
            assertEquals(2, harness.numEventTimeTimers());
            harness.processWatermark(10L);
            assertEquals(List.of("a@10/EVENT_TIME/ts=10/wm=10", "b@10/EVENT_TIME/ts=10/wm=10"),
                    harness.extractOutputValues());
        }
    }

    @Test
    void deletedTimersDoNotFireAndDeletingAMissingTimerIsANoOp() throws Exception {
        try (var harness = harness()) {
            harness.processElement("a:10", 1L);
            harness.processElement("b:10", 1L);
            harness.processElement("a:-10", 1L);
            harness.processElement("a:-99", 1L);
            assertEquals(1, harness.numEventTimeTimers());
            harness.processWatermark(100L);
            assertEquals(List.of("b@10/EVENT_TIME/ts=10/wm=100"), harness.extractOutputValues());
        }
    }

    @Test
    void processingTimeTimersFireWhenTheManualClockPassesThem() throws Exception {
        try (var harness = harness()) {
            harness.processElement("a:p100", 1L);
            harness.processElement("b:p50", 1L);
            harness.processElement("a:p100", 1L);
            assertEquals(2, harness.numProcessingTimeTimers());
            harness.setProcessingTime(49L);
            assertEquals(List.of(), harness.extractOutputValues());
            harness.setProcessingTime(100L);
            assertEquals(100L, harness.getProcessingTime());
            assertEquals(List.of(new StreamRecord<>("b@50/PROCESSING_TIME/ts=null/wm=" + Long.MIN_VALUE),
                    new StreamRecord<>("a@100/PROCESSING_TIME/ts=null/wm=" + Long.MIN_VALUE)),
                    harness.extractOutputStreamRecords());
            assertEquals(0, harness.numProcessingTimeTimers());
        }
    }

    @Test
    void aProcessingTimeTimerEarlierThanThePendingOneStillFiresFirst() throws Exception {
        try (var harness = harness()) {
            harness.processElement("a:p100", 1L);
            harness.setProcessingTime(10L);
            harness.processElement("b:p20", 1L);
            harness.setProcessingTime(20L);
            assertEquals(List.of("b@20/PROCESSING_TIME/ts=null/wm=" + Long.MIN_VALUE), harness.extractOutputValues());
            harness.setProcessingTime(1000L);
            assertEquals(2, harness.extractOutputValues().size());
        }
    }

    @Test
    void timersRegisteredInOnTimerAtOrBeforeTheWatermarkFireInTheSameAdvance() throws Exception {
        var function = new KeyedProcessFunction<String, String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(10L);
            }

            @Override
            public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                out.collect(ctx.getCurrentKey() + timestamp);
                if (timestamp < 12L) {
                    ctx.timerService().registerEventTimeTimer(timestamp + 1);
                }
            }
        };
        try (var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, s -> s, Types.STRING)) {
            harness.processElement("k", 1L);
            harness.processWatermark(11L);
            assertEquals(List.of("k10", "k11"), harness.extractOutputValues());
            assertEquals(1, harness.numEventTimeTimers());
        }
    }

    @Test
    void onTimerSeesTheTimersKeyAndItsState() throws Exception {
        var function = new KeyedProcessFunction<String, String, String>() {
            private transient io.weir.api.state.ValueState<String> last;

            @Override
            public void open(io.weir.api.functions.OpenContext context) {
                last = getRuntimeContext().getState(new io.weir.api.state.ValueStateDescriptor<>("last", Types.STRING));
            }

            @Override
            public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
                last.update(value);
                ctx.timerService().registerEventTimeTimer(ctx.timestamp());
            }

            @Override
            public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                out.collect(ctx.getCurrentKey() + "=" + last.value());
            }
        };
        try (var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, s -> s.substring(0, 1),
                Types.STRING)) {
            harness.processElement("a1", 5L);
            harness.processElement("b1", 3L);
            harness.processElement("a2", 4L);
            harness.processWatermark(5L);
            assertEquals(List.of("b=b1", "a=a2", "a=a2"), harness.extractOutputValues(), "timers at 3, 4 and 5");
        }
    }

    @Test
    void nonKeyedProcessFunctionReadsClocksButCannotRegisterTimers() throws Exception {
        var function = new ProcessFunction<String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                TimerService timers = ctx.timerService();
                out.collect(timers.currentProcessingTime() + "/" + timers.currentWatermark());
                if (value.equals("timer")) {
                    timers.registerEventTimeTimer(1L);
                }
            }
        };
        var harness = ProcessFunctionTestHarnesses.forProcessFunction(function);
        harness.setProcessingTime(77L);
        harness.processWatermark(5L);
        harness.processElement("x", 6L);
        assertEquals(List.of("77/5"), harness.extractOutputValues());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> harness.processElement("timer", 7L));
        assertEquals(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG, e.getMessage());
        harness.close();
    }

    @Test
    void sideOutputsFromElementsAndTimersKeepTheirTimestamps() throws Exception {
        OutputTag<String> early = new OutputTag<String>("early") {};
        OutputTag<Integer> fired = new OutputTag<>("fired", Types.INT);
        var function = new KeyedProcessFunction<String, String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                ctx.output(early, value.toUpperCase());
                out.collect(value);
                ctx.timerService().registerEventTimeTimer(100L);
            }

            @Override
            public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                ctx.output(fired, (int) timestamp);
            }
        };
        try (var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(function, s -> s, Types.STRING)) {
            harness.processElement("a", 7L);
            harness.processWatermark(100L);
            assertEquals(List.of(new StreamRecord<>("A", 7L)), List.copyOf(harness.getSideOutput(early)));
            assertEquals(List.of(new StreamRecord<>(100, 100L)), List.copyOf(harness.getSideOutput(fired)));
            assertEquals(List.of("a"), harness.extractOutputValues());
            assertNull(harness.getSideOutput(new OutputTag<>("unused", Types.STRING)));
        }
    }

    @Test
    void timeDomainNamesMatchFlink() {
        assertEquals(List.of("EVENT_TIME", "PROCESSING_TIME"),
                List.of(TimeDomain.EVENT_TIME.name(), TimeDomain.PROCESSING_TIME.name()));
    }
}
