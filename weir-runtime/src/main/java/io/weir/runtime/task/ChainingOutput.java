package io.weir.runtime.task;

import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Input;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.types.TypeSerializer;

/**
 * Passes records, watermarks and watermark statuses to the next operator of the chain by a direct
 * call: to a {@link io.weir.api.operators.OneInputStreamOperator}, which is its own {@link Input},
 * or, from a source chained into a multiple-input operator ({@code HEAD_WITH_SOURCES}), to the
 * operator's input that the source feeds (that input's watermark is then the source's, as the
 * source merged it over its splits). When object reuse is off and the type is mutable, the next
 * operator gets a copy, so neither side can see the other change a record. An output for a
 * side-output edge takes only the records emitted to its tag; a main output only main records.
 *
 * <p>Threading: the task's thread only.
 */
final class ChainingOutput<T> implements Output<StreamRecord<T>>, CountedOutput {
    private final Input<T> next;
    private final String nextName;
    private final TypeSerializer<T> copier;
    private final OutputTag<?> outputTag;
    private final StreamRecord<T> copy = new StreamRecord<>(null);
    private long recordsOut;
    private long lastWatermark = Long.MIN_VALUE;

    /**
     * @param copier serializer used to copy records, or {@code null} to pass them as they are
     * @param outputTag the side output this edge carries, or {@code null} for the main output
     */
    ChainingOutput(Input<T> next, String nextName, TypeSerializer<T> copier,
            OutputTag<?> outputTag) {
        this.next = next;
        this.nextName = nextName;
        this.copier = copier;
        this.outputTag = outputTag;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        if (outputTag == null) {
            push(record);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        if (tag.equals(outputTag)) {
            push((StreamRecord<T>) (StreamRecord<?>) record);
        }
    }

    private void push(StreamRecord<T> record) {
        recordsOut++;
        try {
            // the next operator gets a record of its own (unless it promised to keep and change none,
            // CopyFreeInput: then copier is null): operators reuse their input record for
            // their output (StreamMap replaces its value), which must not change what the other
            // consumers of the same record (BroadcastingOutput) see
            copy.replace(copier == null ? record.getValue() : copier.copy(record.getValue()));
            copy.copyTimestampFrom(record);
            next.setKeyContextElement(copy);
            next.processElement(copy);
        } catch (ChainedOperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(nextName, e);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        lastWatermark = watermark.getTimestamp();
        try {
            next.processWatermark(watermark);
        } catch (ChainedOperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(nextName, e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {
        try {
            next.processWatermarkStatus(watermarkStatus);
        } catch (ChainedOperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(nextName, e);
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
