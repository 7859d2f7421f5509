package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;

import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Allowed lateness and the late-data side output in a job. Watermarks are punctuated (one after each
 * event, at its timestamp minus one), so which elements are late does not depend on timing.
 */
class WindowLatenessTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    /** Emits a watermark after every event: the largest timestamp so far minus one. */
    static final class Punctuated implements WatermarkGenerator<Tuple2<String, Long>> {
        private long max = Long.MIN_VALUE + 1;

        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
            output.emitWatermark(new Watermark(max - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lateElementsWithinTheLatenessRefireTheWindowAndLaterOnesGoToTheSideOutput(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        OutputTag<Tuple2<String, Long>> late = new OutputTag<>("late",
                Types.<Tuple2<String, Long>>TUPLE(Types.STRING, Types.LONG));
        SingleOutputStreamOperator<String> windows = env.fromData(
                        Tuple2.of("a", 100L), Tuple2.of("b", 200L), Tuple2.of("a", 1500L),
                        Tuple2.of("a", 50L),       // late, within the lateness of [0, 1000): fires it again
                        Tuple2.of("b", 2600L),
                        Tuple2.of("a", 60L),       // later than the lateness: side output
                        Tuple2.of("b", 1900L))     // late for [1000, 2000), within its lateness
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
                        context -> new Punctuated()).withTimestampAssigner((e, previous) -> e.f1))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .allowedLateness(Duration.ofMillis(1000))
                .sideOutputLateData(late)
                .process(new Describe());
        List<String> all = new ArrayList<>();
        windows.getSideOutput(late).map(e -> "late " + e.f0 + "@" + e.f1, Types.STRING)
                .union(windows)
                .executeAndCollect(1000)
                .forEach(all::add);
        assertSameElements(List.of(
                "a[0,1000)=100", "b[0,1000)=200", "a[0,1000)=100,50", "a[1000,2000)=1500", "b[1000,2000)=1900",
                "late a@60", "b[2000,3000)=2600"), all);
    }

    static final class Describe extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            StringBuilder sb = new StringBuilder(key + "[" + ctx.window().getStart() + "," + ctx.window().getEnd() + ")=");
            String sep = "";
            for (Tuple2<String, Long> e : elements) {
                sb.append(sep).append(e.f1);
                sep = ",";
            }
            out.collect(sb.toString());
        }
    }
}
