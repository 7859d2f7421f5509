package io.weir.api.operators;

/** An operator with one input. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
    void processElement(StreamRecord<IN> element) throws Exception;

    /** The input's watermark advanced; the default forwards it. */
    void processWatermark(Watermark mark) throws Exception;

    /** The input became idle or active again; the default forwards it. */
    void processWatermarkStatus(WatermarkStatus watermarkStatus) throws Exception;
}
