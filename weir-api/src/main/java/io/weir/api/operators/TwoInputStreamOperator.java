package io.weir.api.operators;

/**
 * An operator with two inputs, which may have different types (a connected stream). Elements of
 * either input arrive in any interleaving; within one input they keep their order.
 *
 * <p>The operator's watermark is the minimum of its two inputs' watermarks: an input that has sent
 * none holds it back, unless it is idle. {@link AbstractStreamOperator} combines them and calls its
 * {@code processWatermark(Watermark)} when the minimum advances, and its
 * {@code processWatermarkStatus} when both inputs become idle or one becomes active again.
 *
 * <p>Threading: like every operator, called from its task's thread only.
 */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
    void processElement1(StreamRecord<IN1> element) throws Exception;

    void processElement2(StreamRecord<IN2> element) throws Exception;

    /** The first input's watermark advanced. */
    void processWatermark1(Watermark mark) throws Exception;

    /** The second input's watermark advanced. */
    void processWatermark2(Watermark mark) throws Exception;

    /** The first input became idle (it stops holding the watermark back) or active again. */
    void processWatermarkStatus1(WatermarkStatus status) throws Exception;

    /** The second input became idle (it stops holding the watermark back) or active again. */
    void processWatermarkStatus2(WatermarkStatus status) throws Exception;

    /** Called with each element of the first input before it is processed: scopes keyed state to its key. */
    void setKeyContextElement1(StreamRecord<?> record) throws Exception;

    /** Called with each element of the second input before it is processed: scopes keyed state to its key. */
    void setKeyContextElement2(StreamRecord<?> record) throws Exception;
}
