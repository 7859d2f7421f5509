package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.Types;
import io.weir.runtime.operators.TimestampsAndWatermarksOperator;
import io.weir.runtime.operators.join.IntervalJoinOperator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a function sees of a record that has no timestamp, point by point as in Flink 2.x: the
 * process contexts' {@code timestamp()} (a {@code Long}) is null, except on the broadcast side of a
 * broadcast process function, where Flink reports {@code Long.MIN_VALUE}; the {@code long}-valued
 * places ({@code StreamRecord.getTimestamp}, a timestamp assigner's previous timestamp) get
 * {@code Long.MIN_VALUE}; interval joins reject the record with a message.
 */
class RecordWithoutTimestampTest {
    static final MapStateDescriptor<String, String> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, Types.STRING);

    @Test
    void streamRecordReportsLongMinValueAndHasTimestampFalse() {
        StreamRecord<String> record = new StreamRecord<>("a");
        assertEquals(Long.MIN_VALUE, record.getTimestamp());
        assertEquals(false, record.hasTimestamp());
    }

    @Test
    void processFunctionContextGivesNull() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ProcessFunction<String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                out.collect(value + "@" + ctx.timestamp());
            }
        })) {
            harness.processElement(new StreamRecord<>("a"));
            harness.processElement(new StreamRecord<>("b", 7L));
            assertEquals(List.of("a@null", "b@7"), harness.extractOutputValues());
        }
    }

    @Test
    void keyedProcessFunctionContextGivesNull() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new KeyedProcessFunction<String, String, String>() {
                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        out.collect(value + "@" + ctx.timestamp());
                    }
                }, v -> v, Types.STRING)) {
            harness.processElement(new StreamRecord<>("a"));
            assertEquals(List.of("a@null"), harness.extractOutputValues());
        }
    }

    @Test
    void coProcessFunctionContextsGiveNullOnBothInputs() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forCoProcessFunction(
                new CoProcessFunction<String, String, String>() {
                    @Override
                    public void processElement1(String value, Context ctx, Collector<String> out) {
                        out.collect("1:" + value + "@" + ctx.timestamp());
                    }

                    @Override
                    public void processElement2(String value, Context ctx, Collector<String> out) {
                        out.collect("2:" + value + "@" + ctx.timestamp());
                    }
                })) {
            harness.processElement1(new StreamRecord<>("a"));
            harness.processElement2(new StreamRecord<>("b"));
            assertEquals(List.of("1:a@null", "2:b@null"), harness.extractOutputValues());
        }
        try (var keyed = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new KeyedCoProcessFunction<String, String, String, String>() {
                    @Override
                    public void processElement1(String value, Context ctx, Collector<String> out) {
                        out.collect("1:" + value + "@" + ctx.timestamp());
                    }

                    @Override
                    public void processElement2(String value, Context ctx, Collector<String> out) {
                        out.collect("2:" + value + "@" + ctx.timestamp());
                    }
                }, v -> v, v -> v, Types.STRING)) {
            keyed.processElement1(new StreamRecord<>("a"));
            keyed.processElement2(new StreamRecord<>("b"));
            assertEquals(List.of("1:a@null", "2:b@null"), keyed.extractOutputValues());
        }
    }

    @Test
    void broadcastSideGivesLongMinValueWhereTheOtherSideGivesNull() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new BroadcastProcessFunction<String, String, String>() {
                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
                        out.collect("element@" + ctx.timestamp());
                    }

                    @Override
                    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {
                        out.collect("rule@" + ctx.timestamp());
                    }
                }, RULES)) {
            harness.processElement1(new StreamRecord<>("a"));
            harness.processElement2(new StreamRecord<>("r"));
            harness.processElement2(new StreamRecord<>("s", 5L));
            assertEquals(List.of("element@null", "rule@" + Long.MIN_VALUE, "rule@5"), harness.extractOutputValues());
            assertEquals(false, harness.extractOutputStreamRecords().get(1).hasTimestamp(),
                    "the results keep the absence of a timestamp");
        }
    }

    @Test
    void keyedBroadcastSideGivesLongMinValueWhereTheKeyedSideGivesNull() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new KeyedBroadcastProcessFunction<String, String, String, String>() {
                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
                        out.collect("element@" + ctx.timestamp());
                    }

                    @Override
                    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {
                        out.collect("rule@" + ctx.timestamp());
                    }
                }, v -> v, Types.STRING, RULES)) {
            harness.processElement1(new StreamRecord<>("a"));
            harness.processElement2(new StreamRecord<>("r"));
            assertEquals(List.of("element@null", "rule@" + Long.MIN_VALUE), harness.extractOutputValues());
        }
    }

    @Test
    void timestampAssignerGetsLongMinValueAsThePreviousTimestamp() throws Exception {
        List<Long> previous = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var harness = new OneInputStreamOperatorTestHarness<>(new TimestampsAndWatermarksOperator<Long>(
                WatermarkStrategy.<Long>noWatermarks().withTimestampAssigner((value, ts) -> {
                    previous.add(ts);
                    return value;
                })))) {
            harness.open();
            harness.processElement(new StreamRecord<>(20L));
            harness.processElement(new StreamRecord<>(30L, 3L));
            assertEquals(List.of(Long.MIN_VALUE, 3L), previous);
        }
    }

    @Test
    void intervalJoinRejectsARecordWithoutTimestamp() throws Exception {
        try (var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new IntervalJoinOperator<String, String, String, String>(-1, 1, true, true, null, null,
                        Types.STRING, Types.STRING, new ProcessJoinFunction<String, String, String>() {
                            @Override
                            public void processElement(String left, String right, Context ctx, Collector<String> out) {
                                out.collect(left + right);
                            }
                        }),
                (String s) -> s, (String s) -> s, Types.STRING)) {
            harness.open();
            var error = assertThrows(IllegalStateException.class,
                    () -> harness.processElement1(new StreamRecord<>("a")));
            assertTrue(error.getMessage().contains("has no timestamp"), error.getMessage());
        }
    }
}
