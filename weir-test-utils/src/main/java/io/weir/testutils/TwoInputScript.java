package io.weir.testutils;

/**
 * A {@link HarnessScript} for two-input operators: elements and watermarks of either input and
 * processing time, replayed in every adversarial mode by {@link #verify}.
 */
public final class TwoInputScript<IN1, IN2, OUT>
        extends HarnessScript<TwoInputStreamOperatorTestHarness<IN1, IN2, OUT>> {
    public TwoInputScript<IN1, IN2, OUT> element1(IN1 value, long timestamp) {
        addElement(1, h -> h.processElement1(value, timestamp));
        return this;
    }

    public TwoInputScript<IN1, IN2, OUT> element2(IN2 value, long timestamp) {
        addElement(2, h -> h.processElement2(value, timestamp));
        return this;
    }

    public TwoInputScript<IN1, IN2, OUT> watermark1(long timestamp) {
        addWatermark(1, h -> h.processWatermark1(timestamp));
        return this;
    }

    public TwoInputScript<IN1, IN2, OUT> watermark2(long timestamp) {
        addWatermark(2, h -> h.processWatermark2(timestamp));
        return this;
    }

    /** Both inputs' watermarks advance to {@code timestamp}. */
    public TwoInputScript<IN1, IN2, OUT> watermark(long timestamp) {
        return watermark1(timestamp).watermark2(timestamp);
    }

    public TwoInputScript<IN1, IN2, OUT> processingTime(long time) {
        addProcessingTime(time);
        return this;
    }

    /** Any other step on the harness (for example completing pending async calls). */
    public TwoInputScript<IN1, IN2, OUT> then(Input<TwoInputStreamOperatorTestHarness<IN1, IN2, OUT>> action) {
        addAction(action);
        return this;
    }

    /** Ends both inputs (the last step: no restore follows it). */
    public TwoInputScript<IN1, IN2, OUT> endInput() {
        addEnd(TwoInputStreamOperatorTestHarness::endInput);
        return this;
    }
}
