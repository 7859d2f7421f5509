package io.weir.api.operators;

/**
 * An operator with one input, which it is itself: the runtime calls its {@link Input} methods for
 * the input's elements, watermarks and idleness, as it calls an input of a
 * {@link MultipleInputStreamOperator}.
 */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT>, Input<IN> {
    /** The input's watermark advanced; the default forwards it. */
    @Override
    void processWatermark(Watermark mark) throws Exception;

    /** The input became idle or active again; the default forwards it. */
    @Override
    void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception;

    /** Scopes keyed state to the key of {@code record}: {@link #setKeyContextElement1}. */
    @Override
    default void setKeyContextElement(StreamRecord<IN> record) throws Exception {
        setKeyContextElement1(record);
    }
}
