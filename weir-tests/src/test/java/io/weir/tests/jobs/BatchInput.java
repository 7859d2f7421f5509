package io.weir.tests.jobs;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.tuple.Tuple2;
import java.util.List;

/**
 * The bounded input the BATCH-versus-STREAMING tests share: (key, timestamp) pairs out of order,
 * stamped with their timestamp and, in STREAMING, punctuated watermarks (after every event, the
 * largest timestamp so far minus one), so which records are late there does not depend on timing.
 */
final class BatchInput {
    /** Out of order: a@50 and a@60 come after a@1500, b@1900 after b@2600. */
    static final List<Tuple2<String, Long>> EVENTS = List.of(
            Tuple2.of("a", 100L), Tuple2.of("b", 200L), Tuple2.of("a", 1500L), Tuple2.of("a", 50L),
            Tuple2.of("b", 2600L), Tuple2.of("a", 60L), Tuple2.of("b", 1900L));

    private BatchInput() {}

    static DataStream<Tuple2<String, Long>> stamped(StreamExecutionEnvironment env, List<Tuple2<String, Long>> events) {
        return env.fromData(events).assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
                context -> new Punctuated()).withTimestampAssigner((e, previous) -> e.f1));
    }

    static StreamExecutionEnvironment env(StreamExecutionEnvironment env, RuntimeExecutionMode mode) {
        env.setRuntimeMode(mode);
        return env;
    }

    /** A watermark after every event: the largest timestamp so far minus one. */
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
}
