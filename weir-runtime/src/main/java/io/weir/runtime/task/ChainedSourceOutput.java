package io.weir.runtime.task;

import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Input;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.types.TypeSerializer;

/**
 * The output of a source chained into a multiple-input operator ({@code HEAD_WITH_SOURCES}): hands
 * each record, watermark and watermark status straight to the operator's {@link Input} the source
 * feeds, by a direct call. The input's watermark is the source's, as the source merged it over its
 * splits; the operator combines it with its other inputs'. When object reuse is off and the type
 * is mutable, the input gets a copy, as a chained operator does.
 *
 * <p>Threading: the task's thread only.
 */
final class ChainedSourceOutput<T> implements Output<StreamRecord<T>>, CountedOutput {
    private final Input<T> input;
    private final String operatorName;
    private final TypeSerializer<T> copier;
    private final StreamRecord<T> copy = new StreamRecord<>(null);
    private long recordsOut;
    private long lastWatermark = Long.MIN_VALUE;

    /** @param copier serializer used to copy records, or {@code null} to pass them as they are */
    ChainedSourceOutput(Input<T> input, String operatorName, TypeSerializer<T> copier) {
        this.input = input;
        this.operatorName = operatorName;
        this.copier = copier;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        recordsOut++;
        try {
            StreamRecord<T> element = record;
            if (copier != null) {
                copy.replace(copier.copy(record.getValue()));
                copy.copyTimestampFrom(record);
                element = copy;
            }
            input.setKeyContextElement(element);
            input.processElement(element);
        } catch (ChainedOperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(operatorName, e);
        }
    }

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        // a chained source has no side outputs (the job graph chains only sources without)
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        lastWatermark = watermark.getTimestamp();
        try {
            input.processWatermark(watermark);
        } catch (ChainedOperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(operatorName, e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {
        try {
            input.processWatermarkStatus(watermarkStatus);
        } catch (ChainedOperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(operatorName, e);
        }
    }

    @Override
    public long recordsOut() {
        return recordsOut;
    }

    @Override
    public long lastWatermark() {
        return lastWatermark;
    }

    @Override
    public void close() {}
}
