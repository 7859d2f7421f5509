package io.weir.api.operators;

import io.weir.api.functions.Collector;

/**
 * A {@link Collector} that emits each value with the timestamp of the input element being
 * processed. One instance per operator, reused for every element.
 */
public final class TimestampedCollector<T> implements Collector<T> {
    private final Output<StreamRecord<T>> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public TimestampedCollector(Output<StreamRecord<T>> output) {
        this.output = output;
    }

    /** Takes the timestamp of the element whose results follow. */
    public void setTimestamp(StreamRecord<?> input) {
        reuse.copyTimestampFrom(input);
    }

    /** Emits what follows with this timestamp (the time of a firing event-time timer). */
    public void setAbsoluteTimestamp(long timestamp) {
        reuse.setTimestamp(timestamp);
    }

    public void eraseTimestamp() {
        reuse.eraseTimestamp();
    }

    @Override
    public void collect(T record) {
        output.collect(reuse.replace(record));
    }

    @Override
    public void close() {
        output.close();
    }
}
