package io.weir.tests.jobs;

import io.weir.api.functions.MapFunction;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;

/**
 * Gives each element an event timestamp and emits a bounded-out-of-orderness watermark (the largest
 * timestamp seen minus the bound, minus one) whenever it advances; passes on the final watermark
 * at the end of input. A test stand-in for a timestamp assigner with a watermark strategy, so the
 * window tests can control the disorder of each channel.
 */
final class EventTimeStamper<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {
    private static final long serialVersionUID = 1L;

    private final MapFunction<T, Long> timestamps;
    private final long bound;
    private transient long maxSeen;
    private transient long watermark;

    EventTimeStamper(MapFunction<T, Long> timestamps, long bound) {
        this.timestamps = timestamps;
        this.bound = bound;
    }

    @Override
    public void open() throws Exception {
        super.open();
        maxSeen = Long.MIN_VALUE;
        watermark = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        long timestamp = timestamps.map(element.getValue());
        element.setTimestamp(timestamp);
        output.collect(element);
        maxSeen = Math.max(maxSeen, timestamp);
        if (maxSeen - bound - 1 > watermark) {
            watermark = maxSeen - bound - 1;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            output.emitWatermark(mark);
        }
    }
}
