package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a source function emits reaches the chain at once, in order, with idle marks as status changes. */
class SourceFunctionContextTest {
    /** Writes what it receives as strings: "value@timestamp", "value", "wm timestamp" or the status. */
    private static final class Recording implements Output<StreamRecord<Long>> {
        final List<String> seen = new ArrayList<>();

        @Override
        public void collect(StreamRecord<Long> record) {
            seen.add(record.hasTimestamp() ? record.getValue() + "@" + record.getTimestamp() : "" + record.getValue());
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            seen.add("wm " + watermark.getTimestamp());
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {
            seen.add(watermarkStatus.toString());
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
            throw new AssertionError("a source function has no side outputs");
        }

        @Override
        public void close() {}
    }

    @Test
    void eachElementReachesTheChainBeforeTheEmitReturns() {
        Recording out = new Recording();
        SourceFunctionContext<Long> context = new SourceFunctionContext<>(new CheckpointLock(new Object(), () -> {}), out);
        context.collect(1L);
        assertEquals(List.of("1"), out.seen);
        context.collectWithTimestamp(2L, 20);
        context.emitWatermark(new Watermark(20));
        context.collect(3L);
        assertEquals(List.of("1", "2@20", "wm 20", "3"), out.seen);
    }

    @Test
    void idleMarksBecomeStatusChangesAndTheNextElementMakesTheSourceActive() {
        Recording out = new Recording();
        SourceFunctionContext<Long> context = new SourceFunctionContext<>(new CheckpointLock(new Object(), () -> {}), out);
        context.collect(1L);
        context.markAsTemporarilyIdle();
        context.markAsTemporarilyIdle();
        context.emitWatermark(new Watermark(5));
        context.markAsTemporarilyIdle();
        context.collect(2L);
        assertEquals(List.of("1", "WatermarkStatus(IDLE)", "WatermarkStatus(ACTIVE)", "wm 5", "WatermarkStatus(IDLE)",
                "WatermarkStatus(ACTIVE)", "2"), out.seen);
    }
}
