package io.weir.runtime.task;

import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.runtime.exchange.RecordWriter;

/**
 * Sends records of the last operator of a chain into an exchange to another task. An output for a
 * side-output edge takes only the records emitted to its tag; a main output only main records.
 */
final class RecordWriterOutput<T> implements Output<StreamRecord<T>>, CountedOutput {
    private final RecordWriter<T> writer;
    private final OutputTag<?> outputTag;
    private long recordsOut;
    private long lastWatermark = Long.MIN_VALUE;

    /** @param outputTag the side output this edge carries, or {@code null} for the main output */
    RecordWriterOutput(RecordWriter<T> writer, OutputTag<?> outputTag) {
        this.writer = writer;
        this.outputTag = outputTag;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        if (outputTag == null) {
            emit(record);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        if (tag.equals(outputTag)) {
            emit((StreamRecord<T>) (StreamRecord<?>) record);
        }
    }

    private void emit(StreamRecord<T> record) {
        recordsOut++;
        try {
            writer.emit(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        } catch (Exception e) {
            throw new ChainedOperatorException("Exchange", e);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        lastWatermark = watermark.getTimestamp();
        try {
            writer.emitWatermark(watermark);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        } catch (Exception e) {
            throw new ChainedOperatorException("Exchange", e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {
        try {
            writer.emitWatermarkStatus(watermarkStatus.isIdle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        } catch (Exception e) {
            throw new ChainedOperatorException("Exchange", e);
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
