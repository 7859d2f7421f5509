package io.weir.api.operators;

/**
 * One input of an operator: what the runtime calls for the elements, watermarks and idleness that
 * arrive on that input. A {@link OneInputStreamOperator} is its own input; a
 * {@link MultipleInputStreamOperator} has one per input. The chain hands records to either the same
 * way.
 *
 * <p>Threading: called from the task's thread only, like every operator method.
 */
public interface Input<IN> {
    /** An element of this input; the record object may be reused for the next one. */
    void processElement(StreamRecord<IN> element) throws Exception;

    /** This input's watermark advanced (the minimum over its channels). */
    void processWatermark(Watermark mark) throws Exception;

    /** This input became idle (it stops holding the operator's watermark back) or active again. */
    void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception;

    /** Called with each element before {@link #processElement}: scopes keyed state to its key. */
    void setKeyContextElement(StreamRecord<IN> record) throws Exception;
}
