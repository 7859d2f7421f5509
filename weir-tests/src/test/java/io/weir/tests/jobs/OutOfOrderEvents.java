package io.weir.tests.jobs;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.tuple.Tuple3;
import java.util.ArrayList;
import java.util.List;

/** Bounded, out-of-order test input for event-time jobs, and an operator that stamps it. */
final class OutOfOrderEvents {
    static final int ELEMENTS = 2_000;
    static final int KEYS = 20;
    /** No element is more than this far behind the largest timestamp before it. */
    static final long DISORDER = 50;

    private OutOfOrderEvents() {}

    /** (key, id, timestamp): timestamps rise by 10 per id with up to DISORDER of disorder. */
    static List<Tuple3<Integer, Integer, Long>> events(int seed) {
        List<Tuple3<Integer, Integer, Long>> events = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            long jitter = Math.floorMod((long) (i + seed) * 7919, DISORDER);
            events.add(Tuple3.of(i % KEYS, i, i * 10L + jitter));
        }
        return events;
    }

    /**
     * Takes each element's timestamp from its third field and emits watermarks for bounded
     * disorder: after seeing timestamp {@code max}, no element below {@code max - DISORDER} follows.
     */
    static final class BoundedDisorderTimestamps extends AbstractStreamOperator<Tuple3<Integer, Integer, Long>>
            implements OneInputStreamOperator<Tuple3<Integer, Integer, Long>, Tuple3<Integer, Integer, Long>> {
        private transient long maxTimestamp;
        private transient long emittedWatermark;

        @Override
        public void open() {
            maxTimestamp = Long.MIN_VALUE;
            emittedWatermark = Long.MIN_VALUE;
        }

        @Override
        public void processElement(StreamRecord<Tuple3<Integer, Integer, Long>> element) {
            long ts = element.getValue().f2;
            output.collect(element.replace(element.getValue(), ts));
            maxTimestamp = Math.max(maxTimestamp, ts);
            long watermark = maxTimestamp - DISORDER - 1;
            if (watermark > emittedWatermark) {
                emittedWatermark = watermark;
                output.emitWatermark(new Watermark(watermark));
            }
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            // the source's end-of-input watermark passes; its other watermarks are replaced by ours
            if (mark.getTimestamp() == Long.MAX_VALUE) {
                super.processWatermark(mark);
            }
        }
    }
}
