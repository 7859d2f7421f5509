package io.weir.runtime.task;

import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.runtime.exchange.RecordWriter;

/** Sends records of the last operator of a chain into an exchange to another task. */
final class RecordWriterOutput<T> implements Output<StreamRecord<T>> {
    private final RecordWriter<T> writer;

    RecordWriterOutput(RecordWriter<T> writer) {
        this.writer = writer;
    }

    @Override
    public void collect(StreamRecord<T> record) {
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
    public void close() {}
}
