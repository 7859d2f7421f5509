package io.weir.testutils;

import io.weir.api.operators.StreamRecord;

/**
 * A {@link HarnessScript} for one-input operators: elements, watermarks, processing time and the
 * end of input, replayed in every adversarial mode by {@link #verify}.
 */
public final class OneInputScript<IN, OUT> extends HarnessScript<OneInputStreamOperatorTestHarness<IN, OUT>> {
    public OneInputScript<IN, OUT> element(IN value, long timestamp) {
        StreamRecord<IN> record = new StreamRecord<>(value, timestamp);
        addElement(0, h -> h.processElement(record.copy(value)));
        return this;
    }

    /** An element without a timestamp. */
    public OneInputScript<IN, OUT> element(IN value) {
        addElement(0, h -> h.processElement(new StreamRecord<>(value)));
        return this;
    }

    public OneInputScript<IN, OUT> watermark(long timestamp) {
        addWatermark(0, h -> h.processWatermark(timestamp));
        return this;
    }

    /** Moves the processing-time clock to {@code time}, firing what is due. */
    public OneInputScript<IN, OUT> processingTime(long time) {
        addProcessingTime(time);
        return this;
    }

    /** Any other step on the harness (for example completing pending async calls). */
    public OneInputScript<IN, OUT> then(Input<OneInputStreamOperatorTestHarness<IN, OUT>> action) {
        addAction(action);
        return this;
    }

    /** Ends the input (the last step: no restore follows it). */
    public OneInputScript<IN, OUT> endInput() {
        addEnd(OneInputStreamOperatorTestHarness::endInput);
        return this;
    }
}
